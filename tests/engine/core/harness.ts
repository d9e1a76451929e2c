import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { EngineEvent, InstanceState, SlaPolicy, WorkflowDefinition } from "@flowdesk/core";
import { type StepContext, type StepResult, step } from "@flowdesk/engine";

/** Loads a JSON fixture from tests/engine/core/fixtures. */
export const fixture = <T = WorkflowDefinition>(name: string): T =>
  JSON.parse(readFileSync(join(import.meta.dirname, "fixtures", name), "utf8")) as T;

/** A deterministic host: ids count up per prefix, the clock only moves when told. */
export class TestHost {
  private counters = new Map<string, number>();
  now: string;
  slaPolicy: SlaPolicy | undefined;

  constructor(now = "2026-03-02T14:00:00.000Z", slaPolicy?: SlaPolicy) {
    this.now = now;
    this.slaPolicy = slaPolicy;
  }

  context(): StepContext {
    return {
      now: this.now,
      newId: (prefix) => {
        const next = (this.counters.get(prefix) ?? 0) + 1;
        this.counters.set(prefix, next);
        return `${prefix}-${next}`;
      },
      ...(this.slaPolicy ? { slaPolicy: this.slaPolicy } : {}),
    };
  }
}

/** Feeds events one after the other, keeping every result. */
export const runEvents = (
  definition: WorkflowDefinition,
  events: EngineEvent[],
  host = new TestHost(),
  state: InstanceState | null = null,
): { state: InstanceState; results: StepResult[] } => {
  let current = state;
  const results: StepResult[] = [];
  for (const event of events) {
    const result = step(definition, current, event, host.context());
    results.push(result);
    current = result.state;
  }
  return { state: current!, results };
};

export const startEvent = (data: Record<string, unknown> = {}, requester = "alice"): EngineEvent => ({
  type: "instance.start",
  instanceId: "inc-1",
  requester,
  data,
});
