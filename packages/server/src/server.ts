import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { JobRunner } from "@flowdesk/engine";
import { openServerStore, type ServerStore } from "@flowdesk/store";
import type { Logger } from "./api/api-context.ts";
import { consoleLogger, createApp } from "./app.ts";
import type { ServerConfig } from "./config.ts";
import { attachLiveGateway, type LiveGateway } from "./live/live-gateway.ts";
import { LivePublisher } from "./live/live-publisher.ts";
import { ServerRuntime } from "./runtime/server-runtime.ts";
import { seedOnStart } from "./seeding/first-run.ts";

export interface RunningServer {
  url: string;
  port: number;
  /** For the live gateway (socket.io attaches here) and tools. */
  httpServer: Server;
  store: ServerStore;
  runtime: ServerRuntime;
  /** socket.io, attached to httpServer. */
  live: LiveGateway;
  /** Pushes committed changes to live clients; `settled()` waits for what is queued. */
  publisher: LivePublisher;
  /** Runs due timers, SLA checkpoints and HTTP calls; its owner name is unique to this process. */
  jobRunner: JobRunner;
  /** Stops accepting connections, lets requests in flight finish (up to a grace period), closes the database. */
  close(): Promise<void>;
}

const GRACE_PERIOD_MS = 10_000;
const OUTBOX_SWEEP_INTERVAL_MS = 5_000;
const OUTBOX_SWEEP_AGE_MS = 10_000;

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
  const now = () => new Date();
  const runtime = new ServerRuntime(store, { now });
  const publisher = new LivePublisher(store, log, now);
  const { app } = createApp({
    store,
    log,
    webRoot: config.webRoot,
    trustProxy: config.trustProxy,
    runtime,
    committed: (result) => publisher.committed(result),
    definitionPublished: (definition) => publisher.definitionPublished(definition),
  });
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
  let live: LiveGateway;
  try {
    live = await attachLiveGateway(server, {
      store,
      now,
      log,
      ...(config.redisUrl === undefined ? {} : { redisUrl: config.redisUrl }),
    });
  } catch (error) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await store.close();
    throw error;
  }
  publisher.attach(live);
  const jobRunner = new JobRunner({
    runtime,
    pollIntervalMs: config.jobPollIntervalMs ?? 500,
    onCommitted: (result) => publisher.committed(result),
    onPassError: (error) => log.error("job runner pass failed; trying again", error),
  });
  jobRunner.start();
  // Rows a process committed but did not push (it stopped in between) go out from here.
  const sweeper = setInterval(() => {
    void publisher.sweep(OUTBOX_SWEEP_AGE_MS).catch(() => undefined);
  }, OUTBOX_SWEEP_INTERVAL_MS);
  sweeper.unref();
  const port = (server.address() as AddressInfo).port;
  const url = `http://localhost:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    httpServer: server,
    store,
    runtime,
    live,
    publisher,
    jobRunner,
    close() {
      closing ??= (async () => {
        clearInterval(sweeper);
        await jobRunner.stop();
        const force = setTimeout(() => server.closeAllConnections(), GRACE_PERIOD_MS);
        force.unref();
        // io.close() disconnects every socket and closes the HTTP server, which waits for requests in flight.
        const liveClosed = live.close();
        server.closeIdleConnections();
        await liveClosed;
        clearTimeout(force);
        await publisher.settled();
        await store.close();
      })();
      return closing;
    },
  };
}
