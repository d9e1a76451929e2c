import { createHash } from "node:crypto";

/**
 * Canonical JSON: object keys sorted, no whitespace. Two definitions that differ only
 * in key order or formatting get the same content hash.
 */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
};

export const contentHash = (value: unknown): string =>
  createHash("sha256").update(canonicalJson(value)).digest("hex");
