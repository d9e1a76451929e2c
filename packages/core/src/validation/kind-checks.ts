import type { Problem } from "../problem.ts";
import { compileUserSchema, sharedAjv } from "../schema/ajv.ts";
import { checkExpressionSyntaxAt } from "./expression-checks.ts";
import { unknownFormatProblems } from "./format-checks.ts";
import { escapeSegment } from "./json-pointer.ts";
import { isRecord, problem } from "./make-problem.ts";
import { PROBLEM_CODES } from "./problem-codes.ts";

const codes = PROBLEM_CODES;

/** A form's data schema must itself be a JSON Schema ajv accepts; lookups name real fields. */
export const checkForm = (form: Record<string, unknown>): Problem[] => {
  const problems: Problem[] = [];
  if (isRecord(form.schema)) {
    const compiled = compileUserSchema(form.schema);
    const unknownFormats = compiled instanceof Error ? unknownFormatProblems(form.schema) : [];
    if (unknownFormats.length > 0) problems.push(...unknownFormats);
    else if (compiled instanceof Error) problems.push(invalidSchemaProblem(form.schema, compiled));
  }
  const fields = isRecord(form.schema) && isRecord(form.schema.properties) ? form.schema.properties : {};
  if (isRecord(form.lookups)) {
    for (const field of Object.keys(form.lookups)) {
      if (!Object.hasOwn(fields, field)) {
        problems.push(
          problem(
            codes.lookupWithoutField,
            `/lookups/${escapeSegment(field)}`,
            `The lookup "${field}" names no field of this form.`,
            "error",
            { field },
          ),
        );
      }
    }
  }
  return problems;
};

/** Points at the first keyword the JSON Schema meta-schema rejects, else at the schema. */
const invalidSchemaProblem = (schema: Record<string, unknown>, error: Error): Problem => {
  const ajv = sharedAjv();
  const { $id: _ignored, ...withoutId } = schema;
  const metaValid = ajv.validateSchema(withoutId);
  const first = metaValid === true ? undefined : ajv.errors?.[0];
  if (!first) {
    return problem(
      codes.invalidFormSchema,
      "/schema",
      `The form's schema cannot be used: ${error.message}.`,
      "error",
      {
        reason: error.message,
      },
    );
  }
  return problem(
    codes.invalidFormSchema,
    `/schema${first.instancePath}`,
    `The form's schema is not a valid JSON Schema here: ${first.instancePath.split("/").at(-1) ?? "it"} ${first.message ?? "is invalid"}.`,
    "error",
    { reason: `${first.instancePath.split("/").at(-1) ?? "it"} ${first.message ?? "is invalid"}` },
  );
};

const duplicateIds = (list: unknown, pointer: string, what: string): Problem[] => {
  const problems: Problem[] = [];
  const seen = new Set<unknown>();
  (Array.isArray(list) ? list : []).forEach((item, index) => {
    const id = isRecord(item) ? (item.id ?? item.priority) : undefined;
    if (typeof id !== "string") return;
    if (seen.has(id)) {
      problems.push(
        problem(
          codes.duplicateEntry,
          `${pointer}/${index}`,
          `The ${what} "${id}" is listed more than once.`,
          "error",
          {
            value: String(id),
          },
        ),
      );
    }
    seen.add(id);
  });
  return problems;
};

export const checkDirectory = (directory: Record<string, unknown>): Problem[] => [
  ...duplicateIds(directory.groups, "/groups", "group"),
  ...duplicateIds(directory.roles, "/roles", "role"),
];

/** SLA policies: one target per priority, readable CEL. */
export const checkSlaPolicy = (policy: Record<string, unknown>): Problem[] => {
  const problems = [
    ...duplicateIds(policy.targets, "/targets", "priority"),
    ...checkExpressionSyntaxAt(policy.pauseWhen, "/pauseWhen"),
  ];
  const escalations = Array.isArray(policy.escalations) ? policy.escalations : [];
  escalations.forEach((escalation, index) => {
    const notify = isRecord(escalation) && Array.isArray(escalation.notify) ? escalation.notify : [];
    notify.forEach((rule, ruleIndex) => {
      if (isRecord(rule) && rule.kind === "expression") {
        problems.push(
          ...checkExpressionSyntaxAt(rule.expression, `/escalations/${index}/notify/${ruleIndex}/expression`),
        );
      }
    });
  });
  return problems;
};
