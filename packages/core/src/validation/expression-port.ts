import * as expressionModule from "../expression/index.ts";

/**
 * The validator's view of the CEL module: parse a source and list the variables it
 * reads. Kept behind this one file so the checks do not care how CEL is implemented.
 */
export type ExpressionCheck =
  | { ok: true; rootVariables: string[]; memberPaths: string[][] }
  | { ok: false; code: string; message: string; offset?: number };

interface ExpressionApi {
  checkExpression(source: string): ExpressionCheck;
  checkTemplate(template: string): ExpressionCheck;
}

const api = expressionModule as unknown as Partial<ExpressionApi>;

const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/y;
const KEYWORDS = new Set(["true", "false", "null", "in", "has", "size", "int", "string", "double", "bool"]);

/**
 * Used only while the CEL module is not available: strips string literals and reads
 * identifiers that are not member names or function calls.
 */
const scanRoots = (source: string): ExpressionCheck => {
  const text = source.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
  const roots = new Set<string>();
  for (let index = 0; index < text.length; index++) {
    IDENTIFIER.lastIndex = index;
    const match = IDENTIFIER.exec(text);
    if (!match) continue;
    const before = text.slice(0, index).trimEnd();
    const after = text.slice(index + match[0].length).trimStart();
    if (
      !before.endsWith(".") &&
      !after.startsWith("(") &&
      !KEYWORDS.has(match[0]) &&
      !/[0-9]$/.test(before)
    ) {
      roots.add(match[0]);
    }
    index += match[0].length - 1;
  }
  return { ok: true, rootVariables: [...roots], memberPaths: [...roots].map((root) => [root]) };
};

export const checkExpressionSource = (source: string): ExpressionCheck => {
  try {
    return api.checkExpression ? api.checkExpression(source) : scanRoots(source);
  } catch (error) {
    return { ok: false, code: "FD3001", message: error instanceof Error ? error.message : String(error) };
  }
};

export const checkTemplateSource = (template: string): ExpressionCheck => {
  try {
    if (api.checkTemplate) return api.checkTemplate(template);
    const roots = new Set<string>();
    for (const match of template.matchAll(/\{\{(.*?)\}\}/gs)) {
      const inner = scanRoots(match[1] ?? "");
      if (inner.ok) for (const root of inner.rootVariables) roots.add(root);
    }
    return { ok: true, rootVariables: [...roots], memberPaths: [...roots].map((root) => [root]) };
  } catch (error) {
    return { ok: false, code: "FD3002", message: error instanceof Error ? error.message : String(error) };
  }
};
