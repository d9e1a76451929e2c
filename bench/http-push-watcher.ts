/**
 * The measuring socket of bench/http.bench.ts, in its own process so neither the server
 * nor the load client shares its event loop. It connects as another agent of the
 * triage group and, while told to measure, records for every task.updated event of a
 * completion the time from the completion's commit (task.updatedAt, stamped inside the
 * transaction) to the event's arrival. Both processes read the same machine clock.
 *
 * Talks to its parent over the IPC channel: receives {type: "measure" | "report"},
 * sends {type: "connected"} and {type: "latencies", latencies}.
 */
import { io } from "socket.io-client";

interface WatchPlan {
  url: string;
  cookie: string;
}

const plan = JSON.parse(process.argv[2] ?? "{}") as WatchPlan;
const send = (message: unknown) => process.send?.(message);

let measuring = false;
const latencies: number[] = [];
const socket = io(plan.url, {
  transports: ["websocket"],
  reconnection: false,
  forceNew: true,
  extraHeaders: { cookie: plan.cookie },
});
socket.on("task.updated", (payload: { change: string; task: { updatedAt: string } }) => {
  if (measuring && payload.change === "task.completed") {
    latencies.push(Date.now() - Date.parse(payload.task.updatedAt));
  }
});
socket.once("connect", () => send({ type: "connected" }));
socket.once("connect_error", (error) => {
  process.stderr.write(`push watcher could not connect: ${error.message}\n`);
  process.exit(1);
});

process.on("message", (message: { type: string }) => {
  if (message.type === "measure") measuring = true;
  if (message.type === "report") {
    measuring = false;
    send({ type: "latencies", latencies });
    socket.close();
    process.disconnect?.();
  }
});
