/** Column values as both drivers return them: PostgreSQL gives bigint as string, JSON lives in text columns. */
export const toJson = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

export const fromJson = (text: unknown): unknown =>
  typeof text === "string" ? (JSON.parse(text) as unknown) : (text ?? null);

export const toNumber = (value: unknown): number => (typeof value === "number" ? value : Number(value));

export const toNumberOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : toNumber(value);

export const toStringOrNull = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

/** `?, ?, ?` for an IN list of the given length. */
export const placeholders = (count: number): string => Array.from({ length: count }, () => "?").join(", ");
