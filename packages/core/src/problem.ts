/**
 * A problem found in a definition, returned as data (never thrown) so the designer,
 * the CLI and the server show the same thing.
 */
export type Severity = "error" | "warning";

/** The variable parts of a problem's sentence, so a client can say it in its own language. */
export type ProblemParams = Record<string, string | number>;

export interface Problem {
  /** Stable code from ERROR_CODES, e.g. FD2001. */
  code: string;
  severity: Severity;
  /** RFC 6901 JSON pointer into the definition, "" for the whole document. */
  pointer: string;
  /** One sentence a process owner understands. */
  message: string;
  /**
   * The variable parts of `message` (node ids, variable names, counts...), named as in
   * PROBLEM_PARAMS; `message` stays the English sentence.
   */
  params?: ProblemParams;
  /** Set when validating a set of files: which one. */
  file?: string;
}

export const hasErrors = (problems: readonly Problem[]): boolean =>
  problems.some((problem) => problem.severity === "error");
