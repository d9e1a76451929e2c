import type { Problem } from "@flowdesk/core";

/** `path:pointer: CODE message`, the line format editors and CI logs link from. */
export const formatProblemLine = (problem: Problem): string => {
  const where = `${problem.file ?? "<input>"}:${problem.pointer}`;
  const label = problem.severity === "warning" ? `${problem.code} warning:` : problem.code;
  return `${where}: ${label} ${problem.message}`;
};

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? "" : "s"}`;

export const formatSummaryLine = (problems: readonly Problem[], fileCount: number): string => {
  const errors = problems.filter((problem) => problem.severity === "error").length;
  const warnings = problems.length - errors;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")} in ${plural(fileCount, "file")}`;
};
