import { type NodeRegistry, type Problem, validateDefinition, type WorkflowDefinition } from "@flowdesk/core";
import { DeltaEncoder } from "./model/definition-delta.ts";
import type { ValidationMessage, ValidationReply } from "./validation.worker.ts";
import { takeValidationWorker } from "./validation-worker-slot.ts";

type Listener = (problems: Problem[], of: WorkflowDefinition) => void;

/**
 * Validates the latest definition in a Web Worker. Every edit is posted at once, as
 * only what changed since the previous message; the worker checks the newest workflow
 * it has when it is free, so fast typing coalesces there without waiting for this
 * thread to hand over the next one. Answers older than the one shown are dropped.
 * Where workers do not exist (tests), it validates synchronously.
 */
export class LiveValidation {
  private worker: Worker | undefined;
  private encoder = new DeltaEncoder();
  private sequence = 0;
  /** Definitions posted and not yet answered, by sequence. */
  private readonly posted = new Map<number, WorkflowDefinition>();
  private shown = 0;
  /** Sequence of the last message sent in full after the worker lost track. */
  private resentAt = 0;
  private related: readonly unknown[] | null = null;

  constructor(
    private readonly registry: NodeRegistry,
    private readonly onProblems: Listener,
  ) {
    this.worker = takeValidationWorker();
    this.worker?.addEventListener("message", (event: MessageEvent<ValidationReply>) =>
      this.receive(event.data),
    );
  }

  /** The definitions the workflow refers to (null: check it on its own). Applies from the next check. */
  setRelated(related: readonly unknown[] | null): void {
    this.related = related;
    this.worker?.postMessage({ type: "related", related } satisfies ValidationMessage);
  }

  check(definition: WorkflowDefinition): void {
    if (!this.worker) {
      const options = this.related
        ? { registry: this.registry, related: this.related }
        : { registry: this.registry };
      this.onProblems(validateDefinition(definition, options), definition);
      return;
    }
    this.post(definition);
  }

  dispose(): void {
    this.worker?.terminate();
  }

  private post(definition: WorkflowDefinition): void {
    this.sequence += 1;
    this.posted.set(this.sequence, definition);
    const message: ValidationMessage = {
      type: "check",
      sequence: this.sequence,
      delta: this.encoder.encode(definition),
    };
    this.worker?.postMessage(message);
  }

  private receive(reply: ValidationReply): void {
    if ("resend" in reply) {
      // The worker lost track of what it holds: send the newest workflow in full, once.
      const newest = this.posted.get(this.sequence);
      if (reply.sequence <= this.resentAt || !newest) return;
      this.encoder = new DeltaEncoder();
      this.post(newest);
      this.resentAt = this.sequence;
      return;
    }
    const of = this.posted.get(reply.sequence);
    for (const sequence of this.posted.keys()) if (sequence <= reply.sequence) this.posted.delete(sequence);
    if (!of || reply.sequence <= this.shown) return;
    this.shown = reply.sequence;
    this.onProblems(reply.problems, of);
  }
}
