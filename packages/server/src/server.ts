import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { openServerStore, type ServerStore } from "@flowdesk/store";
import type { Logger } from "./api/api-context.ts";
import { consoleLogger, createApp } from "./app.ts";
import type { ServerConfig } from "./config.ts";
import { seedOnStart } from "./seeding/first-run.ts";

export interface RunningServer {
  url: string;
  port: number;
  /** For the live gateway (socket.io attaches here) and tools. */
  httpServer: Server;
  store: ServerStore;
  /** Stops accepting connections, lets requests in flight finish (up to a grace period), closes the database. */
  close(): Promise<void>;
}

const GRACE_PERIOD_MS = 10_000;

/** Opens and migrates the database, seeds on first run, and listens. */
export async function startServer(
  config: ServerConfig,
  io: { log?: Logger; print?: (line: string) => void } = {},
): Promise<RunningServer> {
  const log = io.log ?? consoleLogger;
  const store = await openServerStore(
    config.databaseUrl === undefined ? { dataDir: config.dataDir } : { databaseUrl: config.databaseUrl },
  );
  log.info(`Database: ${store.dialect === "sqlite" ? store.location : "PostgreSQL"} (migrated)`);
  try {
    await seedOnStart(store, {
      adminPassword: config.adminPassword,
      packRoot: config.packRoot,
      now: new Date(),
      log,
      print: io.print ?? ((line) => process.stdout.write(`${line}\n`)),
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  const { app } = createApp({ store, log, webRoot: config.webRoot, trustProxy: config.trustProxy });
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve, reject) => {
    const onListening = (error?: Error) => {
      if (error) reject(error);
      else resolve(listening);
    };
    // Without HOST, node listens on every address (IPv6 and IPv4 where the machine has them).
    const listening =
      config.host === undefined
        ? app.listen(config.port, onListening)
        : app.listen(config.port, config.host, onListening);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://localhost:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    httpServer: server,
    store,
    close() {
      closing ??= (async () => {
        const force = setTimeout(() => server.closeAllConnections(), GRACE_PERIOD_MS);
        force.unref();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        clearTimeout(force);
        await store.close();
      })();
      return closing;
    },
  };
}
