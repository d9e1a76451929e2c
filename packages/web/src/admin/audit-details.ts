/* An audit entry's details as one line a person reads, not raw JSON. */

const valueText = (value: unknown): string => {
  if (value === null || value === undefined) return "—";
  if (Array.isArray(value)) return value.length === 0 ? "—" : value.map(valueText).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
};

/** "username: erin; roles: agent, requester"; a plain string stays itself; nothing gives "". */
export const auditDetailsText = (details: unknown): string => {
  if (details === null || details === undefined) return "";
  if (typeof details !== "object" || Array.isArray(details)) return valueText(details);
  return Object.entries(details as Record<string, unknown>)
    .map(([key, value]) => `${key}: ${valueText(value)}`)
    .join("; ");
};
