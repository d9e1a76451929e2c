import {
  clockStanding,
  type InstanceState,
  type SlaClock,
  type SlaClockName,
  type SlaPolicy,
  type SlaStanding,
  upgradeInstanceState,
} from "@flowdesk/core";
import type { InstanceRecord, TaskRecord } from "@flowdesk/engine";
import type { ServerTransaction } from "@flowdesk/store";

/*
 * The SLA clock an inbox measures a task against, with the instants its badge changes
 * state. An instance under an SLA policy is measured by its response clock until that
 * stops (someone responded), then by its resolution clock; a task of an instance without
 * a running clock is measured by its own due date. Warning instants come from the policy's
 * warning escalations: for a running clock they are its armed checkpoint jobs, which the
 * engine computed on the policy's calendar (business hours included), so the inbox turns
 * amber exactly when the escalation fires.
 */

/** Used when no policy says when a task's own due date warns: the starter policies' first warning. */
export const DEFAULT_WARNING_PERCENT = 75;

export interface TaskSlaClock {
  clock: SlaClockName | "task";
  status: "running" | "paused";
  /** When the target is reached if the clock keeps running; null while paused. */
  dueAt: string | null;
  /** When the next warning threshold is reached; null when none lies ahead or the clock is paused. */
  warningAt: string | null;
  /** A warning threshold was already reached. */
  warned: boolean;
  breached: boolean;
  /** Where the clock stands at the time of the answer, by core's one rule (clockStanding). */
  standing: SlaStanding;
  /** Target and time used so far, in the clock's own time (business hours under such a policy). */
  targetMs: number | null;
  consumedMs: number | null;
  /** The policy's warning thresholds, in percent of the target. */
  warningPercents: number[];
}

const MEASURED_ORDER: SlaClockName[] = ["response", "resolution"];

const warningIndexes = (policy: SlaPolicy | undefined): number[] =>
  (policy?.escalations ?? []).flatMap((escalation, index) => (escalation.level === "warning" ? [index] : []));

const warningPercentsOf = (policy: SlaPolicy | undefined): number[] =>
  warningIndexes(policy).map((index) => policy?.escalations[index]?.atPercent ?? DEFAULT_WARNING_PERCENT);

const earliest = (instants: (string | undefined)[]): string | null =>
  instants.filter((instant): instant is string => instant !== undefined).sort()[0] ?? null;

/** Adds the standing the rest of the reading implies at `now`. */
const withStanding = (reading: Omit<TaskSlaClock, "standing">, now: number): TaskSlaClock => ({
  ...reading,
  standing: clockStanding(reading, now),
});

const fromClock = (
  name: SlaClockName,
  clock: SlaClock,
  state: InstanceState,
  policy: SlaPolicy | undefined,
  now: number,
): TaskSlaClock => {
  const warnings = warningIndexes(policy);
  const ahead = warnings.filter((index) => !clock.reached.includes(index));
  const running = clock.status === "running";
  return withStanding(
    {
      clock: name,
      status: running ? "running" : "paused",
      dueAt: running ? (clock.dueAt ?? null) : null,
      warningAt: running
        ? earliest(ahead.map((index) => state.jobs[clock.checkpoints?.[String(index)] ?? ""]?.dueAt))
        : null,
      warned: warnings.some((index) => clock.reached.includes(index)),
      breached: clock.breached,
      targetMs: clock.targetMs,
      consumedMs: clock.consumedMs,
      warningPercents: warningPercentsOf(policy),
    },
    now,
  );
};

const fromTaskDue = (
  task: TaskRecord,
  dueAt: string,
  policy: SlaPolicy | undefined,
  now: number,
): TaskSlaClock => {
  const percents = warningPercentsOf(policy);
  const share = Math.min(...(percents.length > 0 ? percents : [DEFAULT_WARNING_PERCENT])) / 100;
  const opened = Date.parse(task.createdAt);
  const due = Date.parse(dueAt);
  const warningAt =
    Number.isNaN(opened) || Number.isNaN(due) || due <= opened
      ? null
      : new Date(opened + Math.round((due - opened) * share)).toISOString();
  return withStanding(
    {
      clock: "task",
      status: "running",
      dueAt,
      warningAt,
      warned: false,
      breached: false,
      targetMs: Number.isNaN(opened) || Number.isNaN(due) ? null : due - opened,
      consumedMs: null,
      warningPercents: percents.length > 0 ? percents : [DEFAULT_WARNING_PERCENT],
    },
    now,
  );
};

/** The clock a task is measured against, or null when nothing makes it due; its standing at `now`. */
export const measureTask = (
  task: TaskRecord,
  state: InstanceState | undefined,
  policy: SlaPolicy | undefined,
  now: number = Date.now(),
): TaskSlaClock | null => {
  const clocks = state?.sla?.clocks;
  if (state !== undefined && clocks !== undefined) {
    const name = MEASURED_ORDER.find((candidate) => clocks[candidate].status !== "stopped");
    if (name !== undefined) return fromClock(name, clocks[name], state, policy, now);
  }
  return task.dueAt === null ? null : fromTaskDue(task, task.dueAt, policy, now);
};

/**
 * Measures many tasks in one pass: each instance, workflow version and policy is read once
 * however many tasks share it, inside the caller's transaction.
 */
export const taskMeasurer = (tx: ServerTransaction) => {
  const instances = new Map<string, Promise<InstanceRecord | undefined>>();
  const policies = new Map<string, Promise<SlaPolicy | undefined>>();
  const workflowPolicies = new Map<string, Promise<string | undefined>>();
  const once = <T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> => {
    const known = cache.get(key);
    if (known !== undefined) return known;
    const loading = load();
    cache.set(key, loading);
    return loading;
  };
  const policyOf = async (instance: InstanceRecord, state: InstanceState) => {
    const policyId =
      state.sla?.policyId ??
      (await once(workflowPolicies, `${instance.definitionId}@${instance.definitionVersion}`, async () => {
        const workflow = await tx.definitions.getVersion(instance.definitionId, instance.definitionVersion);
        return (workflow?.content as { slaPolicy?: string } | undefined)?.slaPolicy;
      }));
    if (policyId === undefined) return undefined;
    return once(
      policies,
      policyId,
      async () => (await tx.definitions.latestPublished(policyId))?.content as SlaPolicy | undefined,
    );
  };
  return async (task: TaskRecord): Promise<TaskSlaClock | null> => {
    const instance = await once(instances, task.instanceId, () => tx.instances.get(task.instanceId));
    if (instance === undefined) return measureTask(task, undefined, undefined);
    const state = upgradeInstanceState(instance.state);
    return measureTask(task, state, await policyOf(instance, state));
  };
};
