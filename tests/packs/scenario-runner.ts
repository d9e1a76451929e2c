import {
  type EngineEvent,
  type FormDefinition,
  type InstanceState,
  type Problem,
  validateFormData,
  type WorkflowDefinition,
} from "@flowdesk/core";
import { type StepContext, type StepResult, step } from "@flowdesk/engine";
import type { EdgeCoverage } from "./edge-coverage.ts";
import type { StarterPack } from "./starter-pack.ts";

/**
 * One thing that happens to a running instance, named by node rather than by generated id.
 * `fire` names an attached timer's id, a timer or service-call node (its timer or retry),
 * or "sla:response" / "sla:resolution" (the next SLA checkpoint of that clock).
 */
export type ScenarioStep = { at?: string } & (
  | { complete: string; outcome?: string; data?: Record<string, unknown>; by?: string }
  | { decide: string; decision: "approved" | "rejected"; comment?: string; by?: string }
  | { delegate: string; to: string; by?: string }
  | { fire: string }
  | { http: string; status?: number; body?: unknown; error?: string }
  | { subprocess: string; outcome?: string; variables: Record<string, unknown> }
  | { message: string; correlationKey: string; data?: Record<string, unknown> }
);

export interface Scenario {
  description: string;
  start: { requester: string; at?: string; data: Record<string, unknown> };
  steps: ScenarioStep[];
  expect: {
    status: InstanceState["status"];
    outcome?: string;
    variables?: Record<string, unknown>;
    /** Part of the instance's SLA state, e.g. {"priority": "P1"}. */
    sla?: Record<string, unknown>;
  };
}

export interface ScenarioRun {
  state: InstanceState;
  results: StepResult[];
  /** Form data (start, task, subprocess input) the forms refused, with where it happened. */
  formProblems: { where: string; problems: Problem[] }[];
}

const DEFAULT_START = "2026-03-02T09:00:00.000Z";

/** A deterministic host like the runtime's: counted ids, a clock that moves only when told. */
class ScenarioHost {
  private readonly counters = new Map<string, number>();
  constructor(
    public now: string,
    private readonly base: Omit<StepContext, "now" | "newId">,
  ) {}
  context(): StepContext {
    return {
      ...this.base,
      now: this.now,
      newId: (prefix) => {
        const next = (this.counters.get(prefix) ?? 0) + 1;
        this.counters.set(prefix, next);
        return `${prefix}-${next}`;
      },
    };
  }
}

const fail = (message: string): never => {
  throw new Error(message);
};

/** Turns a scenario step into the engine event it stands for, in the current state. */
const toEvent = (state: InstanceState, scenarioStep: ScenarioStep, host: ScenarioHost): EngineEvent => {
  const openTaskAt = (nodeId: string) =>
    Object.values(state.tasks).find((task) => task.nodeId === nodeId) ??
    fail(
      `no open task at "${nodeId}" (open: ${
        Object.values(state.tasks)
          .map((task) => task.nodeId)
          .join(", ") || "none"
      })`,
    );
  const actor = (task: { assignment: { kind: string; user?: string } }, by: string | undefined) =>
    by ?? (task.assignment.kind === "user" ? String(task.assignment.user) : "sam.agent");
  if ("complete" in scenarioStep) {
    const task = openTaskAt(scenarioStep.complete);
    return {
      type: "task.completed",
      taskId: task.id,
      by: actor(task, scenarioStep.by),
      ...(scenarioStep.outcome === undefined ? {} : { outcome: scenarioStep.outcome }),
      ...(scenarioStep.data === undefined ? {} : { data: scenarioStep.data }),
    };
  }
  if ("decide" in scenarioStep) {
    const task = openTaskAt(scenarioStep.decide);
    return {
      type: "approval.decided",
      taskId: task.id,
      by: actor(task, scenarioStep.by),
      decision: scenarioStep.decision,
      ...(scenarioStep.comment === undefined ? {} : { comment: scenarioStep.comment }),
    };
  }
  if ("delegate" in scenarioStep) {
    const task = openTaskAt(scenarioStep.delegate);
    return {
      type: "approval.delegated",
      taskId: task.id,
      by: actor(task, scenarioStep.by),
      to: scenarioStep.to,
    };
  }
  if ("fire" in scenarioStep) {
    const nodeOfToken = (tokenId: string) => state.tokens[tokenId]?.nodeId;
    const slaClock = scenarioStep.fire.startsWith("sla:") ? scenarioStep.fire.slice(4) : undefined;
    const job =
      slaClock !== undefined
        ? Object.values(state.jobs)
            .filter(({ purpose }) => purpose.kind === "sla-checkpoint" && purpose.clock === slaClock)
            .sort((a, b) => (a.dueAt < b.dueAt ? -1 : 1))[0]
        : undefined;
    if (job !== undefined) {
      if (scenarioStep.at === undefined && job.dueAt > host.now) host.now = job.dueAt;
      return { type: "job.fired", jobId: job.id };
    }
    const attached =
      Object.values(state.jobs).find(({ purpose }) =>
        purpose.kind === "attached-timer"
          ? purpose.timerId === scenarioStep.fire
          : purpose.kind === "timer" || purpose.kind === "http-retry"
            ? nodeOfToken(purpose.tokenId) === scenarioStep.fire
            : false,
      ) ?? fail(`no timer "${scenarioStep.fire}" is scheduled`);
    if (scenarioStep.at === undefined && attached.dueAt > host.now) host.now = attached.dueAt;
    return { type: "job.fired", jobId: attached.id };
  }
  if ("http" in scenarioStep) {
    const call =
      Object.values(state.calls).find((candidate) => candidate.nodeId === scenarioStep.http) ??
      fail(`no HTTP call outstanding at "${scenarioStep.http}"`);
    return {
      type: "http.result",
      callId: call.id,
      attempt: call.attempt,
      ...(scenarioStep.error === undefined
        ? { response: { status: scenarioStep.status ?? 200, body: scenarioStep.body ?? null } }
        : {
            error: {
              code: scenarioStep.error,
              kind: "operational",
              message: scenarioStep.error,
              retryable: true,
            },
          }),
    };
  }
  if ("subprocess" in scenarioStep) {
    const child =
      Object.values(state.subprocesses).find((candidate) => candidate.nodeId === scenarioStep.subprocess) ??
      fail(`no subprocess running at "${scenarioStep.subprocess}"`);
    return {
      type: "subprocess.completed",
      childInstanceId: child.childInstanceId,
      ...(scenarioStep.outcome === undefined ? {} : { outcome: scenarioStep.outcome }),
      variables: scenarioStep.variables,
    };
  }
  return {
    type: "message.deliver",
    message: scenarioStep.message,
    correlationKey: scenarioStep.correlationKey,
    ...(scenarioStep.data === undefined ? {} : { data: scenarioStep.data }),
  };
};

const startFormOf = (pack: StarterPack, workflow: WorkflowDefinition): FormDefinition | undefined => {
  const formId = workflow.nodes.find((node) => node.type === "start")?.config.form;
  return typeof formId === "string" ? pack.forms.get(formId) : undefined;
};

/**
 * Drives the pure engine through a scenario: start data checked against the start form,
 * task data against the task's form, subprocess input against the child's start form.
 */
export const runScenario = (
  pack: StarterPack,
  definition: WorkflowDefinition,
  scenario: Scenario,
  coverage: EdgeCoverage,
): ScenarioRun => {
  const slaPolicy =
    definition.slaPolicy === undefined ? undefined : pack.slaPolicies.get(definition.slaPolicy);
  const host = new ScenarioHost(scenario.start.at ?? DEFAULT_START, {
    behaviours: coverage.behaviours(),
    ...(slaPolicy === undefined ? {} : { slaPolicy }),
  });
  const formProblems: ScenarioRun["formProblems"] = [];
  const checkForm = (where: string, form: FormDefinition | undefined, data: unknown) => {
    if (form === undefined) return;
    const problems = validateFormData(form, data ?? {});
    if (problems.length > 0) formProblems.push({ where, problems });
  };
  checkForm("start", startFormOf(pack, definition), scenario.start.data);
  const results: StepResult[] = [];
  const apply = (state: InstanceState | null, event: EngineEvent): InstanceState => {
    const result = step(definition, state, event, host.context());
    coverage.observeHistory(result.history);
    for (const effect of result.effects) {
      if (effect.type !== "subprocess.start") continue;
      const child = pack.workflows.get(effect.workflow);
      if (child === undefined) fail(`subprocess workflow "${effect.workflow}" is not in the pack`);
      else checkForm(`subprocess ${effect.workflow} input`, startFormOf(pack, child), effect.input);
    }
    results.push(result);
    return result.state;
  };
  let state = apply(null, {
    type: "instance.start",
    instanceId: `${definition.id}-1`,
    requester: scenario.start.requester,
    data: scenario.start.data,
  });
  scenario.steps.forEach((scenarioStep, index) => {
    if (scenarioStep.at !== undefined) host.now = scenarioStep.at;
    if ("complete" in scenarioStep) {
      const node = definition.nodes.find((candidate) => candidate.id === scenarioStep.complete);
      const formId = node?.config.form;
      checkForm(
        `step ${index + 1} (${scenarioStep.complete})`,
        typeof formId === "string" ? pack.forms.get(formId) : undefined,
        scenarioStep.data,
      );
    }
    try {
      state = apply(state, toEvent(state, scenarioStep, host));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`step ${index + 1} ${JSON.stringify(scenarioStep)}: ${reason}`);
    }
  });
  return { state, results, formProblems };
};
