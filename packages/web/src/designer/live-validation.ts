import { type NodeRegistry, type Problem, validateDefinition, type WorkflowDefinition } from "@flowdesk/core";
import { DeltaEncoder } from "./model/definition-delta.ts";
import type { ValidationMessage, ValidationReply } from "./validation.worker.ts";

type Listener = (problems: Problem[], of: WorkflowDefinition) => void;

/**
 * Validates the latest definition in a Web Worker, one run at a time: while a run is in
 * flight, newer definitions replace each other and only the last one is checked next.
 * Each run sends only what changed since the previous one. Where workers do not exist
 * (tests), it validates synchronously.
 */
export class LiveValidation {
  private worker: Worker | undefined;
  private encoder = new DeltaEncoder();
  private sequence = 0;
  private inFlight = false;
  private pending: WorkflowDefinition | undefined;
  private sent: WorkflowDefinition | undefined;
  private related: readonly unknown[] | null = null;

  constructor(
    private readonly registry: NodeRegistry,
    private readonly onProblems: Listener,
  ) {
    if (typeof Worker !== "undefined") {
      this.worker = new Worker(new URL("./validation.worker.ts", import.meta.url), { type: "module" });
      this.worker.addEventListener("message", (event: MessageEvent<ValidationReply>) =>
        this.receive(event.data),
      );
    }
  }

  /** The definitions the workflow refers to (null: check it on its own). Applies from the next check. */
  setRelated(related: readonly unknown[] | null): void {
    this.related = related;
    this.post({ type: "related", related });
  }

  check(definition: WorkflowDefinition): void {
    if (!this.worker) {
      const options = this.related
        ? { registry: this.registry, related: this.related }
        : { registry: this.registry };
      this.onProblems(validateDefinition(definition, options), definition);
      return;
    }
    this.pending = definition;
    this.flush();
  }

  dispose(): void {
    this.worker?.terminate();
  }

  private receive(reply: ValidationReply): void {
    this.inFlight = false;
    if ("resend" in reply) {
      // The worker lost track of what it holds: send the whole workflow again.
      this.encoder = new DeltaEncoder();
      this.pending ??= this.sent;
    } else if (reply.sequence === this.sequence && this.sent) {
      this.onProblems(reply.problems, this.sent);
    }
    this.flush();
  }

  private post(message: ValidationMessage): void {
    this.worker?.postMessage(message);
  }

  private flush(): void {
    if (this.inFlight || !this.pending || !this.worker) return;
    this.sequence += 1;
    this.inFlight = true;
    this.sent = this.pending;
    this.post({ type: "check", sequence: this.sequence, delta: this.encoder.encode(this.pending) });
    this.pending = undefined;
  }
}
