import type {
  BusinessCalendar,
  Effect,
  HistoryEntry,
  InstanceState,
  Instant,
  NodeBehaviour,
  SlaPolicy,
} from "@flowdesk/core";
import type { ExpressionPort } from "./expressions.ts";

/**
 * Everything `step` takes from the host. Time and ids come from here and nowhere else,
 * so a step replayed with the same context gives the same result.
 */
export interface StepContext {
  /** The current instant (ISO 8601, UTC). */
  now: Instant;
  /** A fresh unique id; the prefix says what it names ("task", "job", "token", ...). */
  newId: (prefix: string) => string;
  /**
   * The SLA policy the workflow names in `slaPolicy`, loaded by the runtime. Clocks start
   * with the instance when it is given; later steps need it again to pause, resume,
   * escalate and stop them.
   */
  slaPolicy?: SlaPolicy;
  /** Calendar for business-hours timers; defaults to the SLA policy's calendar. */
  calendar?: BusinessCalendar;
  /** Node behaviours by type id; defaults to the registry of @flowdesk/nodes. */
  behaviours?: Readonly<Record<string, NodeBehaviour>>;
  /** CEL functions; defaults to those of @flowdesk/core. */
  expressions?: ExpressionPort;
}

export interface StepResult {
  state: InstanceState;
  /** What the runtime must do, in order. */
  effects: Effect[];
  /** New history entries, in order. */
  history: HistoryEntry[];
}
