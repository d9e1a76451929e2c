/** Small helpers that turn property names and values into words for sentences. */

const ACRONYMS: Record<string, string> = { sla: "SLA", url: "URL", ms: "ms", http: "HTTP", cel: "CEL" };

/** "correlationKey" -> "correlation key", "slaPolicy" -> "SLA policy". */
export const humanize = (name: string): string =>
  name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[-_]+/g, " ")
    .split(" ")
    .map((word) => ACRONYMS[word.toLowerCase()] ?? word.toLowerCase())
    .join(" ")
    .trim();

export const upperFirst = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export const lowerFirst = (text: string): string =>
  /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;

/** A value as it appears in a sentence: strings quoted, long things cut. */
export const showValue = (value: unknown): string => {
  let text: string;
  try {
    text = typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

export const listValues = (values: readonly unknown[]): string =>
  values.map((value) => (typeof value === "string" ? value : showValue(value))).join(", ");

const TYPE_PHRASES: Record<string, string> = {
  object: "an object",
  array: "a list",
  string: "text",
  number: "a number",
  integer: "a whole number",
  boolean: "true or false",
  null: "empty",
};

export const typePhrase = (type: unknown): string => {
  const types = Array.isArray(type) ? type : [type];
  return types.map((each) => TYPE_PHRASES[String(each)] ?? String(each)).join(" or ");
};

export const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? "" : "s"}`;
