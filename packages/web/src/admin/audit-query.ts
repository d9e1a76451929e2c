/* The audit log's filters as the person sets them, and the query string the server reads. */

export const AUDIT_PAGE_SIZE = 25;

export interface AuditFilter {
  /** User name of who did it; exact. */
  actor: string;
  /** Action or its start, e.g. "user." for every user change. */
  action: string;
  /** Calendar days (yyyy-mm-dd, the person's own time zone), both included; "" for open. */
  from: string;
  to: string;
  /** Zero-based page. */
  page: number;
}

export const EMPTY_AUDIT_FILTER: AuditFilter = { actor: "", action: "", from: "", to: "", page: 0 };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight at the start of a local calendar day, as an instant; undefined for a malformed day. */
export const startOfLocalDay = (day: string, plusDays = 0): string | undefined => {
  const match = DAY.exec(day);
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
};

/** The "to" day is included, so the range ends at the start of the day after it. */
export const auditQueryString = (filter: AuditFilter): string => {
  const query = new URLSearchParams();
  query.set("limit", String(AUDIT_PAGE_SIZE));
  query.set("offset", String(Math.max(0, filter.page) * AUDIT_PAGE_SIZE));
  const actor = filter.actor.trim();
  const action = filter.action.trim();
  if (actor) query.set("actor", actor);
  if (action) query.set("action", action);
  const from = startOfLocalDay(filter.from);
  const to = startOfLocalDay(filter.to, 1);
  if (from) query.set("from", from);
  if (to) query.set("to", to);
  return query.toString();
};

/** A range whose end lies before its start finds nothing; say so instead of asking. */
export const auditRangeInverted = (filter: AuditFilter): boolean =>
  filter.from !== "" && filter.to !== "" && filter.to < filter.from;

export const auditPageCount = (total: number): number => Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
