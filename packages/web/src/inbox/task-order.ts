import type { InboxTask, MeasuredClock } from "./inbox-api.ts";

export type TaskSort = "due" | "newest";

type Sortable = Pick<InboxTask, "id" | "dueAt" | "createdAt"> & { measuredBy?: MeasuredClock | null };

/** The due time the SLA badge counts down to: the measured clock's when the server sent one. */
const dueOf = (task: Sortable): string | null =>
  task.measuredBy === undefined ? task.dueAt : (task.measuredBy?.dueAt ?? null);

/**
 * Soonest due first (by the SLA clock the task is measured against; paused clocks count as undated) (tasks without a due time after every dated one, oldest first among
 * them), or newest first. Ties fall back to the id so the order never flickers on reload.
 */
export const sortTasks = <T extends Sortable>(tasks: readonly T[], sort: TaskSort): T[] =>
  [...tasks].sort((a, b) => {
    if (sort === "newest") return compare(b.createdAt, a.createdAt) || compare(a.id, b.id);
    const dueA = dueOf(a);
    const dueB = dueOf(b);
    if (dueA !== dueB) {
      if (dueA === null) return 1;
      if (dueB === null) return -1;
      const byDue = Date.parse(dueA) - Date.parse(dueB);
      if (byDue !== 0) return byDue;
    }
    return compare(a.createdAt, b.createdAt) || compare(a.id, b.id);
  });

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
