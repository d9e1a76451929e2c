import {
  ENGINE_ERRORS,
  type HttpResponse,
  type HttpResultEvent,
  incidentError,
  type NodeBehaviour,
  type NodeContext,
  type ServiceCallConfig,
} from "@flowdesk/core";

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * An HTTP call as an effect. The result comes back as `http.result`; a 2xx response is
 * mapped into variables, anything else is retried with back-off while attempts remain,
 * then leaves by a "failure" edge when one is drawn, else opens an incident.
 */
export const serviceCallBehaviour: NodeBehaviour<ServiceCallConfig> = {
  enter(ctx) {
    const config = ctx.node.config;
    const headers: Record<string, string> = {};
    for (const [name, template] of Object.entries(config.headers ?? {})) headers[name] = ctx.render(template);
    const idempotencyKey = config.idempotencyKey
      ? ctx.render(config.idempotencyKey)
      : `${ctx.state.instanceId}:${ctx.node.id}:${ctx.token.id}`;
    const callId = ctx.callHttp(
      {
        method: config.method,
        url: ctx.render(config.url),
        headers,
        ...(config.body === undefined ? {} : { body: ctx.render(config.body) }),
        timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      },
      idempotencyKey,
    );
    ctx.wait({ kind: "service-call", callId });
  },

  resume(ctx, event) {
    if (event.type === "job.fired") {
      const wait = ctx.token.wait;
      if (wait?.kind === "service-call") ctx.retryHttp(wait.callId);
      return;
    }
    if (event.type !== "http.result") return;
    const response = event.response;
    if (response && response.status >= 200 && response.status < 300) {
      succeed(ctx, event.callId, response);
      return;
    }
    fail(ctx, event);
  },
};

const succeed = (ctx: NodeContext<ServiceCallConfig>, callId: string, response: HttpResponse): void => {
  const values: Record<string, unknown> = {};
  const scope = {
    response: { status: response.status, headers: response.headers ?? {}, body: response.body ?? null },
  };
  for (const [variable, expression] of Object.entries(ctx.node.config.resultMapping ?? {})) {
    values[variable] = ctx.evaluate(expression, scope);
  }
  ctx.record({
    type: "http.responded",
    nodeId: ctx.node.id,
    tokenId: ctx.token.id,
    data: { callId, status: response.status },
  });
  if (Object.keys(values).length > 0) ctx.setVariables(values);
  ctx.closeCall(callId);
  ctx.leave("success");
};

const fail = (ctx: NodeContext<ServiceCallConfig>, event: HttpResultEvent): void => {
  const config = ctx.node.config;
  const status = event.response?.status;
  const reason = status === undefined ? (event.error?.message ?? "no response") : `HTTP ${status}`;
  ctx.record({
    type: "http.responded",
    nodeId: ctx.node.id,
    tokenId: ctx.token.id,
    data: {
      callId: event.callId,
      attempt: event.attempt,
      ...(status === undefined ? {} : { status }),
      error: reason,
    },
  });
  const retry = config.retry;
  if (retry && event.attempt < retry.maxAttempts && worthRetrying(event)) {
    const delay = Math.round(retry.backoffMs * (retry.factor ?? 2) ** (event.attempt - 1));
    ctx.scheduleJob(new Date(Date.parse(ctx.now) + delay).toISOString(), {
      kind: "http-retry",
      tokenId: ctx.token.id,
      callId: event.callId,
    });
    return;
  }
  const url = ctx.state.calls[event.callId]?.request.url ?? config.url;
  ctx.closeCall(event.callId);
  if (ctx.outgoing.some((edge) => edge.outcome === "failure")) {
    ctx.setVariables({ [`${ctx.node.id}Error`]: reason });
    ctx.leave("failure");
    return;
  }
  throw incidentError(
    ENGINE_ERRORS.serviceCallFailed,
    `${config.method} ${url} failed after ${event.attempt} attempt(s): ${reason}.`,
    { attempt: event.attempt, ...(status === undefined ? {} : { status }) },
  );
};

/** Client errors other than timeouts and rate limits will fail the same way again. */
const worthRetrying = (event: HttpResultEvent): boolean => {
  const status = event.response?.status;
  if (status === undefined) return event.error?.retryable !== false;
  return status >= 500 || status === 408 || status === 429;
};
