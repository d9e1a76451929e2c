import {
  ENGINE_ERRORS,
  incidentError,
  type NodeBehaviour,
  type NodeContext,
  type TimerConfig,
} from "@flowdesk/core";

/**
 * Waits until a due instant: a wall-clock duration, a business-hours duration on the SLA
 * calendar, or a date computed by a CEL expression (ISO string or timestamp).
 */
export const timerBehaviour: NodeBehaviour<TimerConfig> = {
  enter(ctx) {
    const dueAt = dueInstant(ctx);
    const jobId = ctx.scheduleJob(dueAt, { kind: "timer", tokenId: ctx.token.id });
    ctx.record({
      type: "timer.scheduled",
      nodeId: ctx.node.id,
      tokenId: ctx.token.id,
      data: { jobId, dueAt },
    });
    ctx.wait({ kind: "timer", jobId });
  },

  resume(ctx, event) {
    if (event.type !== "job.fired") return;
    ctx.record({
      type: "timer.fired",
      nodeId: ctx.node.id,
      tokenId: ctx.token.id,
      data: { jobId: event.jobId },
    });
    ctx.leave();
  },
};

const dueInstant = (ctx: NodeContext<TimerConfig>): string => {
  const config = ctx.node.config;
  if (config.mode === "date") {
    if (!config.date) throw incidentError(ENGINE_ERRORS.badConfig, "A date timer needs a date expression.");
    return toIsoInstant(ctx.evaluate(config.date), config.date);
  }
  if (!config.duration) throw incidentError(ENGINE_ERRORS.badConfig, "A duration timer needs a duration.");
  return ctx.addDuration(ctx.now, config.duration, config.mode === "business-duration");
};

/** CEL gives a string or a timestamp (a Date in JavaScript); anything else is an incident. */
const toIsoInstant = (value: unknown, expression: string): string => {
  const millis =
    value instanceof Date ? value.getTime() : typeof value === "string" ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(millis)) {
    throw incidentError(
      ENGINE_ERRORS.badDate,
      `The timer date "${expression}" gave ${JSON.stringify(value) ?? "nothing"}, not a date-time.`,
    );
  }
  return new Date(millis).toISOString();
};
