import { EXPRESSION_CODES } from "../expression/expression-codes.ts";

/** FD3001–FD3011 when an expression or template cannot be read: the CEL module's reason. */
function expressionReadFailures(): Record<string, readonly string[]> {
  const keys: Record<string, readonly string[]> = {};
  for (const code of Object.values(EXPRESSION_CODES)) {
    keys[`${code}_expression`] = ["reason"];
    keys[`${code}_template`] = ["reason"];
  }
  return keys;
}

/**
 * The params each problem carries, by code, and by `code_variant` when the sentence has
 * several shapes (the `variant` param names the shape). A client that words problems in
 * another language uses exactly these names; tests hold the validator and the web
 * catalogs to this list. Codes not listed carry no params.
 */
export const PROBLEM_PARAMS: Readonly<Record<string, readonly string[]>> = {
  FD1002: ["value", "choices"],
  FD1002_missing: ["choices"],
  FD1002_suggest: ["value", "suggestion"],
  FD1002_pack: [],
  FD1003: ["value", "supported"],
  FD1003_missing: [],
  FD1003_pack: ["value", "supported"],
  FD1004: ["field"],
  FD1004_tag: ["field", "choices"],
  FD1005: ["field", "type"],
  FD1006: ["field", "value", "choices"],
  FD1007_name: ["field", "value"],
  FD1007_pattern: ["field", "value"],
  FD1007_pattern0: ["field", "value"],
  FD1007_pattern1: ["field", "value"],
  FD1007_pattern2: ["field", "value"],
  FD1007_pattern3: ["field", "value"],
  FD1007_pattern4: ["field", "value"],
  FD1007_pattern5: ["field", "value"],
  FD1007_pattern6: ["field", "value"],
  FD1007_format: ["field", "value", "format"],
  FD1008: ["field"],
  FD1009_empty: ["field"],
  FD1009_minLength: ["field", "limit"],
  FD1009_maxLength: ["field", "limit"],
  FD1009_minItems: ["field", "limit"],
  FD1009_maxItems: ["field", "limit"],
  FD1010_minimum: ["field", "limit"],
  FD1010_maximum: ["field", "limit"],
  FD1010_exclusiveMinimum: ["field", "limit"],
  FD1010_exclusiveMaximum: ["field", "limit"],
  FD1010_multipleOf: ["field", "limit"],
  FD1011: ["field"],
  FD1011_other: ["field"],
  FD1012: ["reason"],
  FD1012_formData: ["reason"],
  FD1013: ["field"],
  FD1014: ["value"],
  FD1014_list: ["field", "value"],
  FD1015: ["type", "reason"],
  FD2002: ["node"],
  FD2003: ["node"],
  FD2004: ["node"],
  FD2005: ["node", "type", "choices"],
  FD2005_edge: ["node", "type"],
  FD2006: ["node"],
  FD2007: ["edge"],
  FD2008: ["node"],
  FD2009: ["node"],
  FD2010: ["node", "outcome", "choices"],
  FD2010_none: ["node", "outcome"],
  FD2011: ["node"],
  FD2012: ["node"],
  FD2013: ["node", "nodeType"],
  FD2014: ["node", "nodeType"],
  FD2015: ["node"],
  FD2016: ["node"],
  FD2017: ["edge", "node"],
  FD2018: ["node"],
  FD2019_noFork: ["node"],
  FD2019_mixed: ["node", "forks"],
  FD2019_outside: ["node", "forks"],
  FD2020: ["node", "outcome"],
  FD2021: ["node"],
  FD2022: ["node", "workflow"],
  FD2023: ["workflow", "target"],
  FD2024: ["edge", "node"],
  FD2025: ["node", "choices"],
  FD2026: ["node", "target"],
  FD2026_outcome: ["node", "target", "outcome"],
  ...expressionReadFailures(),
  FD3004: ["variable"],
  FD3004_suggest: ["variable", "suggestion"],
  FD3004_response: ["variable"],
  FD3004_child: ["workflow", "variable"],
  FD3004_childSuggest: ["workflow", "variable", "suggestion"],
  FD3020: ["variable", "forms"],
  FD3020_suggest: ["variable", "suggestion", "forms"],
  FD3021: ["variable"],
  FD4001: ["id"],
  FD4001_suggest: ["id", "suggestion"],
  FD4002: ["id"],
  FD4002_suggest: ["id", "suggestion"],
  FD4003: ["id"],
  FD4003_suggest: ["id", "suggestion"],
  FD4004: ["id"],
  FD4004_suggest: ["id", "suggestion"],
  FD4005: ["id"],
  FD4005_suggest: ["id", "suggestion"],
  FD4006: ["id"],
  FD4006_suggest: ["id", "suggestion"],
  FD4007: ["kind", "id", "place"],
  FD4101: ["id", "kind", "otherKind"],
  FD4101_inPack: ["id", "kind", "otherKind"],
  FD9000: ["reason"],
};

/** The PROBLEM_PARAMS key of a problem: its code, with its variant when it has one. */
export const problemParamsKey = (code: string, params?: Record<string, string | number>): string =>
  typeof params?.variant === "string" ? `${code}_${params.variant}` : code;
