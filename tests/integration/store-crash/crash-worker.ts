/**
 * The process the crash test kills. It runs the runtime under load against one SQLite
 * file: starts requests, completes open tasks, and runs the job runner so timers fire.
 * A line `ACK <command> <kind> <id>` is written only after the command committed, so
 * every acknowledged line is a promise the database must keep after a SIGKILL.
 *
 * Usage: tsx crash-worker.ts <dataDir> <workerName> [quiet]
 * (quiet: no agents, only the job runner, so the test can watch overdue timers fire).
 */
import { readFileSync } from "node:fs";
import type { WorkflowDefinition } from "@flowdesk/core";
import { isConflict, JobRunner, WorkflowRuntime } from "@flowdesk/engine";
import { openStore } from "@flowdesk/store";

const [dataDir, workerName, mode] = process.argv.slice(2);
if (dataDir === undefined || workerName === undefined)
  throw new Error("usage: crash-worker <dataDir> <workerName>");

const definition = JSON.parse(
  readFileSync(new URL("./fixtures/crash-drill.workflow.json", import.meta.url), "utf8"),
) as WorkflowDefinition;

const store = await openStore({ dataDir });
const runtime = new WorkflowRuntime({ store });
await runtime.publishDefinition(definition);
// A short lease, so the next incarnation takes over jobs this one held when it was killed.
const runner = new JobRunner({ runtime, owner: workerName, leaseMs: 500, pollIntervalMs: 20 });
runner.start();
const ack = (line: string) => process.stdout.write(`ACK ${line}\n`);
process.stdout.write("READY\n");

let stopping = false;
process.on("SIGTERM", () => {
  stopping = true;
});

let sequence = 0;
const agent = async (agentId: number) => {
  while (!stopping) {
    const command = `${workerName}-${agentId}-${sequence++}`;
    try {
      if (Math.random() < 0.45) {
        await runtime.startInstance({ definitionId: "crash-drill", requester: "drill", instanceId: command });
        ack(`${command} start ${command}`);
      } else {
        const open = await store.transaction((tx) =>
          tx.tasks.listOpen({ assigneeGroups: ["operations"], limit: 20 }),
        );
        const task = open[Math.floor(Math.random() * open.length)];
        if (task === undefined) continue;
        // The command id is the agent's name, so the check can tell which completion won.
        await runtime.completeTask({ taskId: task.id, by: command });
        ack(`${command} complete ${task.id}`);
      }
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
  }
};

if (mode === "quiet") {
  while (!stopping) await new Promise((resolve) => setTimeout(resolve, 20));
} else {
  await Promise.all([agent(1), agent(2), agent(3)]);
}
await runner.stop();
await store.close();
