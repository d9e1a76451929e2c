import type { Problem, WorkflowDefinition } from "@flowdesk/core";
import { nodeRegistry } from "@flowdesk/nodes/descriptors";
import { DeltaDecoder, removeNodes } from "@flowdesk/web/designer-model";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LiveValidation } from "../../../packages/web/src/designer/live-validation.ts";
import type {
  ValidationMessage,
  ValidationReply,
} from "../../../packages/web/src/designer/validation.worker.ts";
import fixture from "../fixtures/password-reset.workflow.json" with { type: "json" };

const workflow = (): WorkflowDefinition => structuredClone(fixture) as WorkflowDefinition;

/** Stands in for the browser's Worker: records what is posted, answers when told to. */
class RecordingWorker {
  static started: RecordingWorker[] = [];
  posted: ValidationMessage[] = [];
  private listener: ((event: { data: ValidationReply }) => void) | undefined;
  constructor() {
    RecordingWorker.started.push(this);
  }
  postMessage(message: ValidationMessage) {
    this.posted.push(structuredClone(message));
  }
  addEventListener(_type: "message", listener: (event: { data: ValidationReply }) => void) {
    this.listener = listener;
  }
  answer(reply: ValidationReply) {
    this.listener?.({ data: reply });
  }
  terminate() {}
  checks() {
    return this.posted.filter((message) => message.type === "check");
  }
}

const problem = (message: string): Problem => ({ code: "FD2003", severity: "error", pointer: "", message });

describe("live validation in a worker", () => {
  const original = globalThis.Worker;
  beforeEach(() => {
    RecordingWorker.started = [];
    globalThis.Worker = RecordingWorker as unknown as typeof Worker;
  });
  afterEach(() => {
    globalThis.Worker = original;
  });

  it("posts every edit at once and shows only answers newer than the one shown", () => {
    // given
    const shown: { messages: string[]; of: WorkflowDefinition }[] = [];
    const live = new LiveValidation(nodeRegistry, (problems, of) =>
      shown.push({ messages: problems.map((found) => found.message), of }),
    );
    const worker = RecordingWorker.started[0]!;
    const first = workflow();
    const second = removeNodes(first, ["decision-1"]).execute(first);
    // when
    live.check(first);
    live.check(second);
    worker.answer({ sequence: 2, problems: [problem("second")] });
    worker.answer({ sequence: 1, problems: [problem("first")] });
    // then
    expect(worker.checks().map((message) => message.type === "check" && message.sequence)).toEqual([1, 2]);
    expect(shown).toEqual([{ messages: ["second"], of: second }]);
  });

  it("sends the newest workflow in full, once, when the worker lost track", () => {
    // given
    const live = new LiveValidation(nodeRegistry, () => undefined);
    const worker = RecordingWorker.started[0]!;
    const first = workflow();
    const second = removeNodes(first, ["decision-1"]).execute(first);
    live.check(first);
    live.check(second);
    // when
    worker.answer({ sequence: 1, resend: true });
    worker.answer({ sequence: 2, resend: true });
    // then
    const checks = worker.checks();
    expect(checks).toHaveLength(3);
    const resent = checks[2]!;
    if (resent.type !== "check") throw new Error("not a check");
    expect(new DeltaDecoder().decode(resent.delta)).toEqual(second);
  });
});
