import type { Problem, Severity } from "../problem.ts";

export const problem = (
  code: string,
  pointer: string,
  message: string,
  severity: Severity = "error",
): Problem => ({
  code,
  severity,
  pointer,
  message,
});

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);
