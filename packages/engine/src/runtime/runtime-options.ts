import { randomUUID } from "node:crypto";
import type { EngineEvent, InstanceState, WorkflowDefinition } from "@flowdesk/core";
import type { StepContext, StepResult } from "../core/step-context.ts";
import type { Store } from "./store-port.ts";

/** The pure core's entry point, as the runtime calls it. */
export type EngineStep = (
  definition: WorkflowDefinition,
  state: InstanceState | null,
  event: EngineEvent,
  context: StepContext,
) => StepResult;

export interface RuntimeOptions {
  store: Store;
  /** The engine core's step; injectable so tests can observe it. */
  step?: EngineStep;
  /** The clock; tests pass a controlled one. */
  now?: () => Date;
  /** Id generation; tests pass a deterministic one. */
  newId?: (prefix: string) => string;
  /** How often a command is re-run after losing an instance-version race to an unrelated change (default 3). */
  conflictRetries?: number;
}

export const defaultNewId = (prefix: string): string => `${prefix}-${randomUUID()}`;
