import { describe, expect, it } from "vitest";
import { sortTasks } from "../../../packages/web/src/inbox/task-order.ts";

const task = (id: string, dueAt: string | null, createdAt: string) => ({ id, dueAt, createdAt });

const TASKS = [
  task("no-due-old", null, "2026-03-01T08:00:00.000Z"),
  task("due-late", "2026-03-02T18:00:00.000Z", "2026-03-02T08:00:00.000Z"),
  task("no-due-new", null, "2026-03-02T09:00:00.000Z"),
  task("due-soon", "2026-03-02T10:00:00.000Z", "2026-03-02T07:00:00.000Z"),
  task("due-soon-b", "2026-03-02T10:00:00.000Z", "2026-03-02T07:00:00.000Z"),
];

describe("order of the inbox list", () => {
  it("puts the soonest due first and tasks without a due time last, oldest first", () => {
    // when sorted by SLA due
    const ids = sortTasks(TASKS, "due").map((item) => item.id);
    // then by due time, ties by opening and id, undated at the end
    expect(ids).toEqual(["due-soon", "due-soon-b", "due-late", "no-due-old", "no-due-new"]);
  });

  it("sorts by the SLA clock the task is measured against, a paused clock among the undated", () => {
    // given a task whose own due is late but whose response clock is due first, one measured by its own due, and a paused one
    const clock = (dueAt: string | null) => ({
      clock: "response" as const,
      status: dueAt === null ? ("paused" as const) : ("running" as const),
      dueAt,
      warningAt: null,
      warned: false,
      breached: false,
      standing: dueAt === null ? ("paused" as const) : ("on-track" as const),
      targetMs: 3_600_000,
      consumedMs: 0,
      warningPercents: [75],
    });
    const rows = [
      {
        ...task("own-due", "2026-03-02T09:00:00.000Z", "2026-03-02T07:00:00.000Z"),
        measuredBy: { ...clock("2026-03-02T09:00:00.000Z"), clock: "task" as const },
      },
      {
        ...task("response-first", "2026-03-03T09:00:00.000Z", "2026-03-02T07:00:00.000Z"),
        measuredBy: clock("2026-03-02T08:00:00.000Z"),
      },
      { ...task("paused", null, "2026-03-01T07:00:00.000Z"), measuredBy: clock(null) },
    ];
    // when sorted by SLA due
    const ids = sortTasks(rows, "due").map((item) => item.id);
    // then the response clock's due counts over the task's own, and the paused one goes last
    expect(ids).toEqual(["response-first", "own-due", "paused"]);
  });

  it("puts the newest first when asked, without changing the list it was given", () => {
    // given a copy of the input order
    const before = TASKS.map((item) => item.id);
    // when sorted newest first
    const ids = sortTasks(TASKS, "newest").map((item) => item.id);
    // then newest opening first, and the input is untouched
    expect(ids).toEqual(["no-due-new", "due-late", "due-soon", "due-soon-b", "no-due-old"]);
    expect(TASKS.map((item) => item.id)).toEqual(before);
  });
});
