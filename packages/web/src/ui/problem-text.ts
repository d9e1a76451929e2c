import type { Problem } from "@flowdesk/core";
import i18next, { type TFunction } from "i18next";
import { ApiError } from "../api/api-error.ts";

type Wordable = Pick<Problem, "code" | "message" | "params">;

/** Catalog key of a problem: its code, and its variant when the sentence has several shapes (core PROBLEM_PARAMS). */
export const problemKey = (problem: Pick<Problem, "code" | "params">): string => {
  const variant = problem.params?.variant;
  return `problem.${problem.code}${typeof variant === "string" ? `_${variant}` : ""}`;
};

const placeholders = (template: string): string[] =>
  [...template.matchAll(/{{(\w+)}}/g)].map((m) => m[1] ?? "");

/**
 * A validator problem in the reader's language. English readers get the validator's own
 * sentence (it names places in words the templates cannot); other languages get the
 * catalog template filled with the problem's params. A problem without the params its
 * template needs (an older server, a code the catalogs do not know) keeps its English
 * sentence rather than showing empty blanks.
 */
export const problemText = (t: TFunction, problem: Wordable): string => {
  const language = i18next.resolvedLanguage ?? i18next.language ?? "en";
  if (language.toLowerCase().startsWith("en")) return problem.message;
  const key = problemKey(problem);
  const template = i18next.getResource(language, "translation", key);
  if (typeof template !== "string") return problem.message;
  const params = problem.params ?? {};
  if (!placeholders(template).every((name) => Object.hasOwn(params, name))) return problem.message;
  return t(key, { ...params, interpolation: { escapeValue: false } });
};

/**
 * Why the server refused a save or publish, in the reader's language: with problems, how
 * many errors there are and the first one; otherwise the server's own sentence.
 */
export const refusalText = (t: TFunction, error: unknown): string => {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const errors = error.problems.filter((problem) => problem.severity === "error");
  const first = errors[0];
  if (!first) return error.message;
  return t("problem.refused", { count: errors.length, first: problemText(t, first) });
};
