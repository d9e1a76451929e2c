import {
  EXPRESSION_CODES,
  PROBLEM_CODES,
  PROBLEM_PARAMS,
  type Problem,
  problemParamsKey,
  validateDefinition,
  validateDefinitionSet,
} from "@flowdesk/core";
import { nodeRegistry } from "@flowdesk/nodes";
import { en } from "@flowdesk/web/i18n-en";
import { zhCN } from "@flowdesk/web/i18n-zh-cn";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../packages/web/src/api/api-error.ts";
import { setupI18n } from "../../packages/web/src/i18n/setup-i18n.ts";
import { problemsToErrorSchema } from "../../packages/web/src/portal/server-problems.ts";
import { problemKey, problemText, refusalText } from "../../packages/web/src/ui/problem-text.ts";
import { invalidFixtures } from "../core/validation/fixture-files.ts";

const codeTemplates = (catalog: Record<string, string>) =>
  Object.entries(catalog).filter(([key]) => /^FD\d{4}/.test(key));

const placeholders = (template: string) => [...template.matchAll(/{{(\w+)}}/g)].map((m) => m[1] ?? "");

const fixtureProblems = (): Problem[] =>
  invalidFixtures().flatMap((fixture) =>
    fixture.set
      ? validateDefinitionSet(fixture.set, { registry: nodeRegistry })
      : validateDefinition(fixture.document, { registry: nodeRegistry }),
  );

describe("problem catalogs and core params agree", () => {
  it.each([
    ["en", en.problem],
    ["zh-CN", zhCN.problem],
  ] as const)("every %s template uses only params core lists for its code and variant", (_lng, catalog) => {
    // when comparing each template's placeholders with PROBLEM_PARAMS
    const wrong = codeTemplates(catalog).flatMap(([key, template]) => {
      const listed = key in PROBLEM_PARAMS ? PROBLEM_PARAMS[key] : key.includes("_") ? undefined : [];
      if (!listed) return [`${key}: not in PROBLEM_PARAMS`];
      const unknown = placeholders(template).filter((name) => !listed.includes(name));
      return unknown.length === 0 ? [] : [`${key}: ${unknown.join(", ")}`];
    });
    // then none uses a param core does not fill
    expect(wrong).toEqual([]);
  });

  it("every code and variant core can emit has a template in both languages", () => {
    // given every code core defines and every code+variant it lists params for
    const codes = [...Object.values(PROBLEM_CODES), ...Object.values(EXPRESSION_CODES)];
    const variants = Object.keys(PROBLEM_PARAMS);
    // when looking for a template (a code with only variant templates counts through them)
    const missing = (catalog: Record<string, string>) => [
      ...variants.filter((key) => !(key in catalog)),
      ...codes.filter(
        (code) => !Object.keys(catalog).some((key) => key === code || key.startsWith(`${code}_`)),
      ),
    ];
    // then nothing is missing
    expect(missing(en.problem)).toEqual([]);
    expect(missing(zhCN.problem)).toEqual([]);
  });

  it("the web key of a problem is core's params key", () => {
    // given every problem of the golden invalid fixtures
    for (const found of fixtureProblems()) {
      // then
      expect(problemKey(found)).toBe(`problem.${problemParamsKey(found.code, found.params)}`);
    }
  });
});

describe("problemText", () => {
  it("words every golden-fixture problem in Chinese with its params filled in", async () => {
    // given the app in zh-CN and every problem the golden invalid fixtures produce
    const i18n = setupI18n("zh-CN");
    await i18n.changeLanguage("zh-CN");
    const problems = fixtureProblems();
    // when wording each one
    const worded = problems.map((found) => ({ found, text: problemText(i18n.t, found) }));
    // then none is left in English or with an unfilled placeholder
    const english = worded.filter(
      ({ found, text }) => text === found.message || !/[\u4e00-\u9fff]/.test(text),
    );
    expect(english.map(({ found }) => `${found.code} ${found.message}`)).toEqual([]);
    expect(worded.filter(({ text }) => /{{\w+}}/.test(text))).toEqual([]);
    // and the values that matter are kept
    const unreachable = worded.find(({ found }) => found.code === "FD2003");
    expect(unreachable?.text).toMatch(/^从开始节点永远无法到达节点“.+”。$/);
  });

  it("keeps the English sentence in English and when the params its template needs are missing", async () => {
    // given a problem from an older server, without params
    const i18n = setupI18n("zh-CN");
    await i18n.changeLanguage("zh-CN");
    const bare: Problem = {
      code: "FD2003",
      severity: "error",
      pointer: "/nodes/1",
      message: 'Node "x" is lost.',
    };
    // then zh-CN shows the sentence rather than blanks
    expect(problemText(i18n.t, bare)).toBe('Node "x" is lost.');
    // and an unknown code keeps its sentence
    expect(problemText(i18n.t, { ...bare, code: "FD7777", params: { node: "x" } })).toBe('Node "x" is lost.');
    // when the reader switches to English
    await i18n.changeLanguage("en");
    // then the validator's own sentence is shown
    expect(problemText(i18n.t, { ...bare, params: { node: "x" } })).toBe('Node "x" is lost.');
  });

  it("says why a publish was refused: how many errors and the first one", async () => {
    // given a 422 with two errors and a warning
    const i18n = setupI18n("zh-CN");
    await i18n.changeLanguage("zh-CN");
    const error = new ApiError(422, {
      detail: "The workflow has errors; fix them before publishing.",
      problems: [
        { code: "FD2021", severity: "warning", pointer: "/nodes/2", message: "w", params: { node: "wait" } },
        { code: "FD2003", severity: "error", pointer: "/nodes/1", message: "e1", params: { node: "review" } },
        { code: "FD2001", severity: "error", pointer: "/nodes", message: "e2" },
      ],
    });
    // when / then
    expect(refusalText(i18n.t, error)).toBe("需要先解决 2 个问题。从开始节点永远无法到达节点“review”。");
    expect(refusalText(i18n.t, new ApiError(409, { detail: "Someone else saved." }))).toBe(
      "Someone else saved.",
    );
  });

  it("puts the server's 422 problems next to the portal fields in Chinese", async () => {
    // given the app in zh-CN and the server's refusal of a too-short summary and a wrong priority
    const i18n = setupI18n("zh-CN");
    await i18n.changeLanguage("zh-CN");
    const problems: Problem[] = [
      {
        code: "FD1009",
        severity: "error",
        pointer: "/data/summary",
        message: "Summary needs at least 5 characters.",
        params: { field: "Summary", limit: 5, variant: "minLength" },
      },
      {
        code: "FD1006",
        severity: "error",
        pointer: "/data/priority",
        message: '"P9" is not a valid priority; use one of P1, P2.',
        params: { field: "Priority", value: '"P9"', choices: "P1, P2" },
      },
    ];
    // when mapping them onto the form
    const mapped = problemsToErrorSchema(problems, (problem) => problemText(i18n.t, problem));
    // then each field carries its Chinese sentence
    expect(mapped.fieldErrors).toEqual({
      summary: { __errors: ["“Summary”至少需要 5 个字符。"] },
      priority: { __errors: ['"P9" 不是“Priority”的有效值；请使用以下之一：P1, P2。'] },
    });
  });
});
