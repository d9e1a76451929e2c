/** The three units a process owner picks a duration in; anything finer stays raw text. */
export type DurationUnit = "minutes" | "hours" | "days";

const PATTERNS: Record<DurationUnit, RegExp> = {
  minutes: /^PT(\d+)M$/,
  hours: /^PT(\d+)H$/,
  days: /^P(\d+)D$/,
};

export const parseDuration = (
  iso: string | undefined,
): { amount: number; unit: DurationUnit } | undefined => {
  if (!iso) return undefined;
  for (const unit of ["minutes", "hours", "days"] as const) {
    const match = PATTERNS[unit].exec(iso);
    if (match) return { amount: Number(match[1]), unit };
  }
  return undefined;
};

export const formatDuration = (amount: number, unit: DurationUnit): string =>
  unit === "days" ? `P${amount}D` : unit === "hours" ? `PT${amount}H` : `PT${amount}M`;
