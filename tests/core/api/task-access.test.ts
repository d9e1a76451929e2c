import { isTaskFinished, mayActOnTask, maySeeTask, type TaskActor, type TaskView } from "@flowdesk/core";
import { describe, expect, it } from "vitest";

const task = (
  change: Partial<TaskView> = {},
): Pick<TaskView, "assigneeUser" | "assigneeGroup" | "state" | "completedBy"> => ({
  assigneeUser: null,
  assigneeGroup: "service-desk",
  state: "open",
  completedBy: null,
  ...change,
});

const sam: TaskActor = { username: "sam", groups: ["service-desk"], isAdmin: false };
const olga: TaskActor = { username: "olga", groups: ["network"], isAdmin: false };
const ada: TaskActor = { username: "ada", groups: [], isAdmin: true };

describe("who may see and act on a task", () => {
  it("lets a queue member act on an unclaimed group task, and nobody outside the queue", () => {
    // given a task waiting in the service-desk queue
    const queued = task();
    // then sam (in the queue) and an admin may act, olga may not
    expect(mayActOnTask(queued, sam)).toBe(true);
    expect(mayActOnTask(queued, ada)).toBe(true);
    expect(mayActOnTask(queued, olga)).toBe(false);
  });

  it("keeps a claimed task its claimer's until it is released", () => {
    // given a task olga's colleague claimed from sam's queue
    const claimed = task({ assigneeUser: "fred", state: "claimed" });
    // then sam may no longer act on it, fred and admins may
    expect(mayActOnTask(claimed, sam)).toBe(false);
    expect(mayActOnTask(claimed, { ...sam, username: "fred" })).toBe(true);
    expect(mayActOnTask(claimed, ada)).toBe(true);
  });

  it("lets the queue act on a task routed to a person while it is still open", () => {
    // given a task assigned to fred that still sits open in the service-desk queue
    const routed = task({ assigneeUser: "fred", state: "open" });
    // then sam (in that queue) may act on it
    expect(mayActOnTask(routed, sam)).toBe(true);
  });

  it("shows a task to its assignees, to whoever completed it, and to overseers", () => {
    const done = task({ assigneeGroup: "network", state: "completed", completedBy: "sam" });
    expect(maySeeTask(done, sam, false)).toBe(true);
    expect(maySeeTask(done, olga, false)).toBe(true);
    expect(maySeeTask(task(), olga, false)).toBe(false);
    expect(maySeeTask(task(), olga, true)).toBe(true);
    expect(isTaskFinished(done)).toBe(true);
    expect(isTaskFinished(task())).toBe(false);
  });
});
