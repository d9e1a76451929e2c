import type { Problem, ProblemParams, Severity } from "../problem.ts";

export const problem = (
  code: string,
  pointer: string,
  message: string,
  severity: Severity = "error",
  params?: ProblemParams,
): Problem => ({
  code,
  severity,
  pointer,
  message,
  ...(params === undefined ? {} : { params }),
});

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);
