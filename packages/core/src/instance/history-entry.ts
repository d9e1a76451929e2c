import type { Instant } from "./instance-state.ts";

/**
 * One line of an instance's append-only history. The store adds the global sequence
 * number; SLA clocks and the timeline are rebuilt from these entries.
 */
export interface HistoryEntry {
  at: Instant;
  /** Dotted noun.verb, e.g. "node.entered", "task.completed", "sla.paused". */
  type: HistoryEntryType;
  nodeId?: string;
  tokenId?: string;
  /** Who caused it, when a person did. */
  by?: string;
  data?: Record<string, unknown>;
}

export type HistoryEntryType =
  | "instance.started"
  | "instance.completed"
  | "instance.terminated"
  | "instance.cancelled"
  | "node.entered"
  | "node.left"
  | "token.cancelled"
  | "fork.opened"
  | "join.fired"
  | "task.created"
  | "task.claimed"
  | "task.unclaimed"
  | "task.reassigned"
  | "task.completed"
  | "task.cancelled"
  | "approval.decided"
  | "approval.delegated"
  | "timer.scheduled"
  | "timer.fired"
  | "http.requested"
  | "http.responded"
  | "message.received"
  | "subprocess.started"
  | "subprocess.completed"
  | "variables.changed"
  | "notification.sent"
  | "incident.opened"
  | "incident.resolved"
  | "sla.started"
  | "sla.retargeted"
  | "sla.paused"
  | "sla.resumed"
  | "sla.stopped"
  | "sla.warning"
  | "sla.breached";
