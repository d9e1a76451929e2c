import type { Assignment, SlaClock, SlaClockName, SlaPolicy, SlaTarget } from "@flowdesk/core";
import { addBusinessMillis, businessMillisBetween } from "./business-calendar.ts";
import { guardExpression } from "./expressions.ts";
import { durationMillis, toInstant, toMillis } from "./instants.ts";
import type { Run } from "./run.ts";

/**
 * SLA clocks (response, resolution). Each clock counts time on the policy's calendar
 * (business hours or wall clock) while running; it pauses while `pauseWhen` holds, stops
 * at its milestone, and has one checkpoint job per escalation threshold while running.
 * Every transition is written to history with the consumed time, so a clock can be
 * rebuilt and explained from history alone (see `replaySlaClock`).
 */
const CLOCKS: SlaClockName[] = ["response", "resolution"];

export const elapsedOn = (policy: SlaPolicy, fromMs: number, toMs: number): number =>
  policy.businessHours ? businessMillisBetween(policy.calendar, fromMs, toMs) : Math.max(0, toMs - fromMs);

const advanceOn = (policy: SlaPolicy, fromMs: number, amountMs: number): number =>
  policy.businessHours ? addBusinessMillis(policy.calendar, fromMs, amountMs) : fromMs + amountMs;

/**
 * Brings the clocks in line with the instance after an event: starts them once the
 * priority has a target (counting from the instance's start, so the time before triage
 * set the priority still counts), re-targets them when the priority changes, then
 * applies `pauseWhen`.
 */
export const syncSlaClocks = (run: Run): void => {
  const policy = run.ctx.slaPolicy;
  if (!policy || run.state.status !== "running") return;
  const priorityVariable = run.definition.priorityVariable ?? "priority";
  const value = run.state.variables[priorityVariable];
  const priority = value === undefined || value === null ? "" : String(value);
  const target = policy.targets.find((candidate) => candidate.priority === priority);
  if (target && !run.state.sla) startClocks(run, policy, priority, target);
  else if (target && run.state.sla && run.state.sla.priority !== priority)
    retarget(run, policy, priority, target);
  applySlaPause(run);
};

const startClocks = (run: Run, policy: SlaPolicy, priority: string, target: SlaTarget): void => {
  const since = run.state.startedAt;
  const clock = (iso: string): SlaClock => ({
    status: "running",
    targetMs: durationMillis(iso),
    consumedMs: 0,
    since,
    reached: [],
    breached: false,
  });
  run.state.sla = {
    policyId: policy.id,
    priority,
    paused: false,
    clocks: { response: clock(target.response), resolution: clock(target.resolution) },
  };
  for (const name of CLOCKS) {
    const state = run.state.sla.clocks[name];
    run.record({ type: "sla.started", data: { clock: name, priority, targetMs: state.targetMs, since } });
    arm(run, policy, name, state);
  }
};

const retarget = (run: Run, policy: SlaPolicy, priority: string, target: SlaTarget): void => {
  const sla = run.state.sla!;
  sla.priority = priority;
  for (const name of CLOCKS) {
    const clock = sla.clocks[name];
    if (clock.status === "stopped") continue;
    clock.targetMs = durationMillis(name === "response" ? target.response : target.resolution);
    run.record({ type: "sla.retargeted", data: { clock: name, priority, targetMs: clock.targetMs } });
    if (clock.status !== "running") continue;
    disarm(run, clock);
    arm(run, policy, name, clock);
  }
};

/** Schedules the checkpoints still ahead and computes the due instant from `since`. */
const arm = (run: Run, policy: SlaPolicy, name: SlaClockName, clock: SlaClock): void => {
  const sinceMs = toMillis(clock.since!);
  // Past its target the clock was due when it resumed; never step back on the calendar.
  clock.dueAt = toInstant(advanceOn(policy, sinceMs, Math.max(0, clock.targetMs - clock.consumedMs)));
  const checkpoints: Record<string, string> = {};
  policy.escalations.forEach((escalation, index) => {
    if (clock.reached.includes(index)) return;
    const thresholdMs = Math.round((clock.targetMs * escalation.atPercent) / 100);
    const dueAt = toInstant(advanceOn(policy, sinceMs, Math.max(0, thresholdMs - clock.consumedMs)));
    const jobId = run.ctx.newId("job");
    const purpose = { kind: "sla-checkpoint", clock: name, escalation: index } as const;
    run.state.jobs[jobId] = { id: jobId, dueAt, purpose };
    run.emit({ type: "job.schedule", jobId, dueAt, purpose });
    checkpoints[String(index)] = jobId;
  });
  clock.checkpoints = checkpoints;
};

const disarm = (run: Run, clock: SlaClock): void => {
  for (const jobId of Object.values(clock.checkpoints ?? {})) {
    if (!run.state.jobs[jobId]) continue;
    delete run.state.jobs[jobId];
    run.emit({ type: "job.cancel", jobId });
  }
  delete clock.checkpoints;
  delete clock.dueAt;
};

/** Folds the running stretch into consumedMs. */
const bank = (run: Run, policy: SlaPolicy, clock: SlaClock): void => {
  if (clock.status !== "running" || clock.since === undefined) return;
  clock.consumedMs += elapsedOn(policy, toMillis(clock.since), run.nowMs);
  delete clock.since;
};

export const stopSlaClocks = (run: Run, names: SlaClockName[]): void => {
  const sla = run.state.sla;
  const policy = run.ctx.slaPolicy;
  if (!sla || !policy) return;
  for (const name of names) {
    const clock = sla.clocks[name];
    if (clock.status === "stopped") continue;
    bank(run, policy, clock);
    disarm(run, clock);
    // The breach checkpoint job may not have fired yet (runner lag, downtime): the
    // consumed time, not the job, decides whether the target was missed.
    if (clock.consumedMs > clock.targetMs) clock.breached = true;
    clock.status = "stopped";
    clock.stoppedAt = run.ctx.now;
    run.record({
      type: "sla.stopped",
      data: { clock: name, consumedMs: clock.consumedMs, breached: clock.breached },
    });
  }
};

/** Re-evaluates `pauseWhen` after an event; pauses or resumes the clocks still counting. */
const applySlaPause = (run: Run): void => {
  const sla = run.state.sla;
  const policy = run.ctx.slaPolicy;
  if (!sla || !policy?.pauseWhen || run.state.status !== "running") return;
  const source = policy.pauseWhen;
  let shouldPause: boolean;
  try {
    shouldPause = guardExpression(source, () =>
      run.expressions.evaluateCondition(source, run.state.variables),
    );
  } catch {
    // A broken pause condition must not stop the process; the clocks keep counting.
    shouldPause = false;
  }
  if (shouldPause === sla.paused) return;
  sla.paused = shouldPause;
  for (const name of CLOCKS) {
    const clock = sla.clocks[name];
    if (clock.status === "stopped") continue;
    if (shouldPause) {
      bank(run, policy, clock);
      disarm(run, clock);
      clock.status = "paused";
      run.record({ type: "sla.paused", data: { clock: name, consumedMs: clock.consumedMs } });
    } else {
      clock.status = "running";
      clock.since = run.ctx.now;
      arm(run, policy, name, clock);
      run.record({
        type: "sla.resumed",
        data: { clock: name, consumedMs: clock.consumedMs, dueAt: clock.dueAt },
      });
    }
  }
};

/** A checkpoint job came due: record the warning or breach and ask for the escalation. */
export const reachSlaCheckpoint = (run: Run, name: SlaClockName, index: number): void => {
  const sla = run.state.sla;
  const policy = run.ctx.slaPolicy;
  const escalation = policy?.escalations[index];
  if (!sla || !policy || !escalation) return;
  const clock = sla.clocks[name];
  if (clock.checkpoints) delete clock.checkpoints[String(index)];
  if (!clock.reached.includes(index)) clock.reached.push(index);
  if (escalation.level === "breach") clock.breached = true;
  // Expression rules need variables a checkpoint may not have; only fixed recipients are used.
  const notify: Assignment[] = [];
  for (const rule of escalation.notify ?? []) {
    if (rule.kind === "user") notify.push({ kind: "user", user: rule.user });
    else if (rule.kind === "group") notify.push({ kind: "group", group: rule.group });
    else if (rule.kind === "role") notify.push({ kind: "role", role: rule.role });
  }
  run.emit({
    type: "sla.escalate",
    clock: name,
    level: escalation.level,
    atPercent: escalation.atPercent,
    notify,
  });
  run.record({
    type: escalation.level === "breach" ? "sla.breached" : "sla.warning",
    data: { clock: name, atPercent: escalation.atPercent },
  });
};

/** Consumed milliseconds of a clock at `atMs`, counting the running stretch too. */
export const slaConsumedAt = (policy: SlaPolicy, clock: SlaClock, atMs: number): number =>
  clock.status === "running" && clock.since !== undefined
    ? clock.consumedMs + elapsedOn(policy, toMillis(clock.since), atMs)
    : clock.consumedMs;
