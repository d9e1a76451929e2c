import type { NodeRegistry, Problem, WorkflowDefinition } from "@flowdesk/core";
import { validateWorkflow } from "../core-bridge/core-rules.ts";

type Listener = (problems: Problem[], of: WorkflowDefinition) => void;

/**
 * Validates the latest definition in a Web Worker, one run at a time: while a run is in
 * flight, newer definitions replace each other and only the last one is checked next.
 * Where workers do not exist (tests), it validates synchronously.
 */
export class LiveValidation {
  private worker: Worker | undefined;
  private sequence = 0;
  private inFlight = false;
  private pending: WorkflowDefinition | undefined;
  private sent: WorkflowDefinition | undefined;

  constructor(
    private readonly registry: NodeRegistry,
    private readonly onProblems: Listener,
  ) {
    if (typeof Worker !== "undefined") {
      this.worker = new Worker(new URL("./validation.worker.ts", import.meta.url), { type: "module" });
      this.worker.addEventListener(
        "message",
        (event: MessageEvent<{ sequence: number; problems: Problem[] }>) => {
          this.inFlight = false;
          if (event.data.sequence === this.sequence && this.sent)
            this.onProblems(event.data.problems, this.sent);
          this.flush();
        },
      );
    }
  }

  check(definition: WorkflowDefinition): void {
    if (!this.worker) {
      this.onProblems(validateWorkflow(definition, this.registry), definition);
      return;
    }
    this.pending = definition;
    this.flush();
  }

  dispose(): void {
    this.worker?.terminate();
  }

  private flush(): void {
    if (this.inFlight || !this.pending || !this.worker) return;
    this.sequence += 1;
    this.inFlight = true;
    this.sent = this.pending;
    this.worker.postMessage({ sequence: this.sequence, definition: this.pending });
    this.pending = undefined;
  }
}
