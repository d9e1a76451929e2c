import type { CommandResult } from "@flowdesk/engine";
import type { ServerStore, ServerTransaction } from "@flowdesk/store";
import type { ServerRuntime } from "../runtime/server-runtime.ts";
import type { SessionOptions } from "../security/session-cookie.ts";
import type { OperationCall } from "./operation.ts";

export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

/** What route factories need: storage, a clock (tests move it), a logger, session settings. */
export interface ApiContext {
  store: ServerStore;
  now: () => Date;
  log: Logger;
  session: SessionOptions;
  /** Failed sign-ins allowed per user name and address before 429 (per window). */
  loginAttempts: { limit: number; windowMs: number };
  /** Drives requests, tasks and incidents; one transaction per command. */
  runtime: ServerRuntime;
  /** Called after a command committed: pushes its outbox rows to live clients. */
  committed(result: CommandResult): void;
  /** Called after a new definition version committed: tells the definition's room. */
  definitionPublished(definition: { id: string; kind: string; version: number }): void;
}

/** Records who did what, when, from where: call inside the transaction of the change itself. */
export const recordAudit = (
  tx: ServerTransaction,
  call: Pick<OperationCall, "user" | "ip">,
  at: Date,
  entry: { action: string; targetType: string; targetId: string | null; details?: unknown },
): Promise<void> =>
  tx.audit.append({
    at: at.toISOString(),
    actor: call.user?.username ?? null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    ip: call.ip === "" ? null : call.ip,
    details: entry.details ?? null,
  });
