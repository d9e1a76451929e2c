import { describe, expect, it } from "vitest";
import type { InboxTask } from "../../../packages/web/src/inbox/inbox-api.ts";
import { takenElsewhere } from "../../../packages/web/src/inbox/taken-elsewhere.ts";
import { offersFor } from "../../../packages/web/src/inbox/task-permissions.ts";

const AT = "2026-03-02T10:42:00.000Z";
const queued: InboxTask = {
  id: "t1",
  instanceId: "i1",
  nodeId: "triage",
  tokenId: "k1",
  kind: "task",
  slot: "main",
  title: "Triage",
  assigneeUser: null,
  assigneeGroup: "service-desk",
  state: "open",
  form: null,
  data: null,
  outcome: null,
  completedBy: null,
  dueAt: null,
  version: 1,
  createdAt: AT,
  updatedAt: AT,
};
const sam = { username: "sam", groups: ["service-desk"], isAdmin: false };
const staffSam = { ...sam, isStaff: true };

describe("when a task is taken by someone else", () => {
  it("is not taken while it waits in the viewer's queue or is theirs", () => {
    // then a queued task and a task sam claimed are his to work on
    expect(takenElsewhere(queued, sam)).toBeUndefined();
    expect(takenElsewhere({ ...queued, state: "claimed", assigneeUser: "sam" }, sam)).toBeUndefined();
  });

  it("is taken once another agent claims it, naming them and when", () => {
    // given dana claimed the task
    const claimed = { ...queued, state: "claimed" as const, assigneeUser: "dana", updatedAt: AT };
    // then sam is told dana has it
    expect(takenElsewhere(claimed, sam)).toEqual({ kind: "claimed", by: "dana", at: AT });
  });

  it("is taken once someone else completes it, but not when the viewer completed it", () => {
    // given the task completed by dana, or by sam
    const byDana = { ...queued, state: "completed" as const, completedBy: "dana" };
    const bySam = { ...queued, state: "completed" as const, completedBy: "sam" };
    // then only dana's completion is taken from sam
    expect(takenElsewhere(byDana, sam)).toEqual({ kind: "completed", by: "dana", at: AT });
    expect(takenElsewhere(bySam, sam)).toBeUndefined();
  });

  it("is taken when sent to another person or to a queue the viewer is not in, and when cancelled", () => {
    // then each says what happened
    expect(takenElsewhere({ ...queued, assigneeUser: "fred", assigneeGroup: null }, sam)).toEqual({
      kind: "reassigned",
      toUser: "fred",
      toGroup: null,
      at: AT,
    });
    expect(takenElsewhere({ ...queued, assigneeGroup: "network" }, sam)).toMatchObject({
      kind: "reassigned",
      toGroup: "network",
    });
    expect(takenElsewhere({ ...queued, state: "cancelled" }, sam)).toEqual({ kind: "cancelled", at: AT });
  });

  it("never takes an open task from an admin, who may act on any", () => {
    // then dana's claim does not lock out an admin
    const admin = { username: "ada", groups: [], isAdmin: true };
    expect(takenElsewhere({ ...queued, state: "claimed", assigneeUser: "dana" }, admin)).toBeUndefined();
  });
});

describe("actions offered on a task", () => {
  it("offers claim on a queued task and work once it is claimed; unclaim to its claimer", () => {
    // then queued: claim; claimed by sam: work, unclaim
    expect(offersFor(queued, staffSam)).toEqual({
      claim: true,
      unclaim: false,
      work: false,
      reassign: true,
      delegate: false,
    });
    expect(offersFor({ ...queued, state: "claimed", assigneeUser: "sam" }, staffSam)).toEqual({
      claim: false,
      unclaim: true,
      work: true,
      reassign: true,
      delegate: false,
    });
  });

  it("offers nothing on another agent's claimed task and no reassign to someone who is not staff", () => {
    // given dana's claimed task and an approval for a plain requester
    const danas = { ...queued, state: "claimed" as const, assigneeUser: "dana" };
    const approval = { ...queued, kind: "approval" as const, assigneeUser: "rita", assigneeGroup: null };
    const rita = { username: "rita", groups: [], isAdmin: false, isStaff: false };
    // then sam gets nothing, rita may decide but not reassign
    expect(offersFor(danas, staffSam)).toEqual({
      claim: false,
      unclaim: false,
      work: false,
      reassign: false,
      delegate: false,
    });
    expect(offersFor(approval, rita)).toEqual({
      claim: false,
      unclaim: false,
      work: true,
      reassign: false,
      delegate: false,
    });
  });

  it("offers delegation on an approval only where the step allows it, and only to its approver", () => {
    // given rita's approval whose step allows delegation
    const approval = { ...queued, kind: "approval" as const, assigneeUser: "rita", assigneeGroup: null };
    const rita = { username: "rita", groups: [], isAdmin: false, isStaff: false };
    const admin = { username: "ada", groups: [], isAdmin: true, isStaff: true };
    // then rita may delegate it, not when the step forbids it, and an admin (not the approver) may not
    expect(offersFor(approval, rita, true).delegate).toBe(true);
    expect(offersFor(approval, rita, false).delegate).toBe(false);
    expect(offersFor(approval, admin, true).delegate).toBe(false);
    // and a user task never offers it
    expect(offersFor({ ...queued, state: "claimed", assigneeUser: "sam" }, staffSam, true).delegate).toBe(
      false,
    );
  });
});
