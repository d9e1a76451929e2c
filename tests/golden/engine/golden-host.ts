import type { EngineEvent, InstanceState, SlaPolicy, WorkflowDefinition } from "@flowdesk/core";
import { type StepContext, type StepResult, step } from "@flowdesk/engine";

/** One timed event of a golden scenario. */
export interface TimedEvent {
  at: string;
  event: EngineEvent;
}

/** A saved instance state with the definition it ran on and the events that finish it. */
export interface SavedStateFile {
  description: string;
  /** Flowdesk stateVersion that wrote `state`. */
  writtenByStateVersion: number;
  definition: WorkflowDefinition;
  slaPolicy?: SlaPolicy;
  state: unknown;
  resume: TimedEvent[];
  expected: { status: string; outcome?: string };
}

/** An engine trace: definition and events in, every step's effects and state out. */
export interface TraceFile {
  description: string;
  definition: WorkflowDefinition;
  slaPolicy?: SlaPolicy;
  events: TimedEvent[];
  /** Events from this index on run with ids tagged "r-", as after a reload. */
  resumeFrom?: number;
  steps: Pick<StepResult, "effects" | "state">[];
}

/** Ids count per prefix and carry a tag, so ids minted on resume never clash with saved ones. */
export const contextFactory = (tag: string, slaPolicy?: SlaPolicy): ((at: string) => StepContext) => {
  const counters = new Map<string, number>();
  return (at) => ({
    now: at,
    newId: (prefix) => {
      const next = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, next);
      return `${tag}${prefix}-${next}`;
    },
    ...(slaPolicy ? { slaPolicy } : {}),
  });
};

export const replay = (
  definition: WorkflowDefinition,
  state: InstanceState | null,
  events: TimedEvent[],
  context: (at: string) => StepContext,
): StepResult[] => {
  const results: StepResult[] = [];
  let current = state;
  for (const { at, event } of events) {
    const result = step(definition, current, event, context(at));
    results.push(result);
    current = result.state;
  }
  return results;
};

/** Replays a trace: ids minted before `resumeFrom` are untagged, after it tagged "r-". */
export const replayTrace = (trace: Omit<TraceFile, "steps">): StepResult[] => {
  const split = trace.resumeFrom ?? trace.events.length;
  const before = replay(
    trace.definition,
    null,
    trace.events.slice(0, split),
    contextFactory("", trace.slaPolicy),
  );
  const after = replay(
    trace.definition,
    before.at(-1)?.state ?? null,
    trace.events.slice(split),
    contextFactory("r-", trace.slaPolicy),
  );
  return [...before, ...after];
};
