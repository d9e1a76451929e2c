import type { InboxTask } from "./inbox-api.ts";

export type TaskSort = "due" | "newest";

/**
 * Soonest due first (tasks without a due time after every dated one, oldest first among
 * them), or newest first. Ties fall back to the id so the order never flickers on reload.
 */
export const sortTasks = <T extends Pick<InboxTask, "id" | "dueAt" | "createdAt">>(
  tasks: readonly T[],
  sort: TaskSort,
): T[] =>
  [...tasks].sort((a, b) => {
    if (sort === "newest") return compare(b.createdAt, a.createdAt) || compare(a.id, b.id);
    if (a.dueAt !== b.dueAt) {
      if (a.dueAt === null) return 1;
      if (b.dueAt === null) return -1;
      const byDue = Date.parse(a.dueAt) - Date.parse(b.dueAt);
      if (byDue !== 0) return byDue;
    }
    return compare(a.createdAt, b.createdAt) || compare(a.id, b.id);
  });

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
