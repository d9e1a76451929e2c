import { FlowdeskError } from "../errors.ts";
import { ENGINE_ERRORS } from "./engine-errors.ts";
import { INSTANCE_STATE_VERSION, type InstanceState } from "./instance-state.ts";

/**
 * Brings a saved instance state to the shape this build runs. Each older stateVersion
 * gets one step function here (v1 -> v2, v2 -> v3, ...) so states saved by any earlier
 * release keep resuming. Version 1 is the first shape; it only needs its required
 * collections filled in, because early writers omitted empty ones.
 */
export const upgradeInstanceState = (saved: unknown): InstanceState => {
  if (!saved || typeof saved !== "object" || Array.isArray(saved)) {
    throw unreadable("a saved instance state must be a JSON object");
  }
  const record = saved as Record<string, unknown>;
  const version = record.stateVersion;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    throw unreadable("the saved instance state has no valid stateVersion");
  }
  if (version > INSTANCE_STATE_VERSION) {
    throw new FlowdeskError({
      code: ENGINE_ERRORS.stateTooNew,
      kind: "operational",
      message: `The instance state was saved by a newer Flowdesk (stateVersion ${version}); this build reads up to ${INSTANCE_STATE_VERSION}.`,
      retryable: false,
    });
  }
  for (const field of ["instanceId", "definitionId", "status", "requester", "startedAt"]) {
    if (typeof record[field] !== "string") throw unreadable(`the saved instance state has no ${field}`);
  }
  return {
    ...(record as unknown as InstanceState),
    stateVersion: INSTANCE_STATE_VERSION,
    variables: objectOr(record.variables),
    tokens: objectOr(record.tokens),
    tasks: objectOr(record.tasks),
    approvals: objectOr(record.approvals),
    jobs: objectOr(record.jobs),
    calls: objectOr(record.calls),
    subprocesses: objectOr(record.subprocesses),
    forks: objectOr(record.forks),
    incidents: objectOr(record.incidents),
  };
};

const objectOr = <T>(value: unknown): Record<string, T> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, T>) : {};

const unreadable = (reason: string): FlowdeskError =>
  new FlowdeskError({
    code: ENGINE_ERRORS.stateUnreadable,
    kind: "unexpected",
    message: `The saved instance state cannot be read: ${reason}.`,
    retryable: false,
  });
