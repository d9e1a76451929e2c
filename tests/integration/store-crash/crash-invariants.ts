import { createRequire } from "node:module";
import type BetterSqlite3 from "better-sqlite3";

// Read the SQLite file directly, as an auditor would, with the store package's driver.
const requireFromStore = createRequire(new URL("../../../packages/store/package.json", import.meta.url));
const Database = requireFromStore("better-sqlite3") as typeof BetterSqlite3;

export interface Acknowledged {
  starts: Set<string>;
  /** task id -> the command that completed it */
  completions: Map<string, string>;
}

interface TokenShape {
  nodeId: string;
  wait?: { kind: string; taskId?: string; jobId?: string };
}

/** Every broken promise found in the database; empty means the invariants hold. */
export function checkInvariants(file: string, acknowledged: Acknowledged): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const problems: string[] = [];
  try {
    const rows = <T>(sql: string): T[] => db.prepare(sql).all() as T[];

    // No lost acknowledged command.
    const instanceIds = new Set(rows<{ id: string }>("SELECT id FROM instances").map((row) => row.id));
    for (const id of acknowledged.starts) if (!instanceIds.has(id)) problems.push(`lost start ${id}`);
    const tasks = new Map(
      rows<{ id: string; state: string; completed_by: string | null }>(
        "SELECT id, state, completed_by FROM tasks",
      ).map((row) => [row.id, row]),
    );
    for (const [taskId, command] of acknowledged.completions) {
      const task = tasks.get(taskId);
      if (task?.state !== "completed" || task.completed_by !== command) {
        problems.push(`lost completion ${command} of ${taskId} (${task?.state}, ${task?.completed_by})`);
      }
    }

    // No duplicate task: the drill has no loops, so one task per instance and step, ever.
    for (const row of rows<{ instance_id: string; node_id: string; n: number }>(
      "SELECT instance_id, node_id, COUNT(*) AS n FROM tasks GROUP BY instance_id, node_id HAVING COUNT(*) > 1",
    )) {
      problems.push(`duplicate task ${row.node_id} on ${row.instance_id} (${row.n})`);
    }

    // No double join, and each timer fired at most once.
    for (const type of ["join.fired", "timer.fired"]) {
      for (const row of rows<{ instance_id: string; n: number }>(
        `SELECT instance_id, COUNT(*) AS n FROM history WHERE type = '${type}' GROUP BY instance_id HAVING COUNT(*) > 1`,
      )) {
        problems.push(`${type} ${row.n} times on ${row.instance_id}`);
      }
    }
    const fired = new Set(
      rows<{ instance_id: string }>(
        "SELECT DISTINCT instance_id FROM history WHERE type = 'timer.fired'",
      ).map((row) => row.instance_id),
    );
    for (const row of rows<{ instance_id: string }>(
      "SELECT instance_id FROM jobs WHERE kind = 'timer' AND status = 'done'",
    )) {
      if (!fired.has(row.instance_id))
        problems.push(`timer job done without timer.fired on ${row.instance_id}`);
    }

    // No orphan token: each waits on an open task or a live job; open task rows match the state.
    const openTasks = new Map<string, Set<string>>();
    for (const row of rows<{ id: string; instance_id: string }>(
      "SELECT id, instance_id FROM tasks WHERE state IN ('open', 'claimed')",
    )) {
      openTasks.set(row.instance_id, (openTasks.get(row.instance_id) ?? new Set()).add(row.id));
    }
    const liveJobs = new Set(
      rows<{ id: string }>("SELECT id FROM jobs WHERE status IN ('pending', 'running')").map((row) => row.id),
    );
    for (const instance of rows<{ id: string; status: string; state: string }>(
      "SELECT id, status, state FROM instances",
    )) {
      const state = JSON.parse(instance.state) as {
        tokens: Record<string, TokenShape>;
        tasks: Record<string, unknown>;
      };
      const open = openTasks.get(instance.id) ?? new Set<string>();
      if (instance.status !== "running") {
        if (Object.keys(state.tokens).length > 0)
          problems.push(`${instance.status} ${instance.id} still has tokens`);
        if (open.size > 0) problems.push(`${instance.status} ${instance.id} still has open tasks`);
        continue;
      }
      for (const [tokenId, token] of Object.entries(state.tokens)) {
        const wait = token.wait;
        const ok =
          (wait?.kind === "task" && wait.taskId !== undefined && open.has(wait.taskId)) ||
          (wait?.kind === "timer" && wait.jobId !== undefined && liveJobs.has(wait.jobId));
        if (!ok)
          problems.push(
            `orphan token ${tokenId} at ${token.nodeId} on ${instance.id} (${JSON.stringify(wait)})`,
          );
      }
      const inState = new Set(Object.keys(state.tasks));
      for (const taskId of open)
        if (!inState.has(taskId)) problems.push(`open task ${taskId} unknown to ${instance.id}`);
      for (const taskId of inState)
        if (!open.has(taskId)) problems.push(`task ${taskId} of ${instance.id} has no open row`);
    }
  } finally {
    db.close();
  }
  return problems;
}

/** Timer jobs that are due (with slack for a lease to run out) but not fired. */
export function overdueTimers(file: string, nowIso: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare(
        "SELECT COUNT(*) AS n FROM jobs WHERE kind = 'timer' AND status IN ('pending', 'running') AND due_at <= ?",
      )
      .get(nowIso) as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}
