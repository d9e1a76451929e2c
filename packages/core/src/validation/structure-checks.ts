import type { DefinitionKind } from "../definitions/index.ts";
import type { Problem, ProblemParams } from "../problem.ts";
import { definitionValidator } from "../schema/ajv.ts";
import { ajvErrorsToProblems } from "./ajv-problems.ts";
import { DEFINITION_KINDS, detectKind } from "./detect-kind.ts";
import { isRecord, problem } from "./make-problem.ts";
import { nearestName } from "./nearest-name.ts";
import { PROBLEM_CODES } from "./problem-codes.ts";
import { showValue } from "./wording.ts";

const codes = PROBLEM_CODES;

/** FD1xxx: the document against the JSON Schema of its kind. */
export const checkStructure = (
  document: unknown,
): { kind: DefinitionKind | undefined; problems: Problem[] } => {
  if (!isRecord(document)) {
    const what = Array.isArray(document) ? "a list" : document === null ? "empty" : `${typeof document}`;
    return {
      kind: undefined,
      problems: [
        problem(codes.notAnObject, "", `A definition must be a JSON object, but this one is ${what}.`),
      ],
    };
  }
  const kind = detectKind(document);
  if (!kind) {
    const named = document.kind;
    const suggestion = typeof named === "string" ? nearestName(named, DEFINITION_KINDS) : undefined;
    const message =
      named === undefined
        ? `The definition does not say what it is; add "kind": one of ${DEFINITION_KINDS.join(", ")}.`
        : `${showValue(named)} is not a kind of definition; ${suggestion ? `did you mean "${suggestion}"?` : `use one of ${DEFINITION_KINDS.join(", ")}.`}`;
    const params: ProblemParams =
      named === undefined
        ? { choices: DEFINITION_KINDS.join(", "), variant: "missing" }
        : suggestion
          ? { value: showValue(named), suggestion, variant: "suggest" }
          : { value: showValue(named), choices: DEFINITION_KINDS.join(", ") };
    return { kind: undefined, problems: [problem(codes.unknownKind, "/kind", message, "error", params)] };
  }
  const validate = definitionValidator(kind);
  if (validate(document)) return { kind, problems: [] };
  return { kind, problems: ajvErrorsToProblems(validate.errors, { audience: "definition", root: document }) };
};
