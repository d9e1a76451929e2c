import { configFromEnvironment } from "./config.ts";
import { startServer } from "./server.ts";

/** `pnpm start`: migrate, seed on first run, serve; stop cleanly on SIGINT/SIGTERM. */
const main = async (): Promise<void> => {
  const config = configFromEnvironment();
  const server = await startServer(config);
  console.log(`Flowdesk is listening on ${server.url}`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing requests in flight, then stopping.`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("Flowdesk did not stop cleanly", error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
};

main().catch((error: unknown) => {
  console.error("Flowdesk could not start:", error);
  process.exit(1);
});
