import type { AssigneeRule, DefinitionBase, Expression, IsoDuration } from "./common.ts";

export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";

export interface BusinessCalendar {
  /** IANA time zone, e.g. "Europe/Berlin". */
  timeZone: string;
  /** Working hours per day, local time "HH:mm". */
  workingHours: { days: Weekday[]; start: string; end: string }[];
  holidays?: { date: string; name: string }[];
}

export interface SlaTarget {
  priority: string;
  response: IsoDuration;
  resolution: IsoDuration;
}

export interface SlaEscalation {
  /** Percentage of the target elapsed, e.g. 50, 75, 100. */
  atPercent: number;
  level: "warning" | "breach";
  notify?: AssigneeRule[];
}

export interface SlaPolicy extends DefinitionBase<"slaPolicy"> {
  calendar: BusinessCalendar;
  /** Targets counted in business hours (true) or wall-clock time (false). */
  businessHours: boolean;
  targets: SlaTarget[];
  /** Clocks pause while this CEL condition holds, e.g. `state == "waiting-on-customer"`. */
  pauseWhen?: Expression;
  escalations: SlaEscalation[];
}
