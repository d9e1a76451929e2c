import type { ErrorObject } from "ajv";
import type { Problem, ProblemParams } from "../problem.ts";
import { collapseAjvErrors } from "./ajv-error-grouping.ts";
import { describePlace } from "./definition-places.ts";
import { joinPointer, splitPointer } from "./json-pointer.ts";
import { PROBLEM_CODES } from "./problem-codes.ts";
import { humanize, listValues, lowerFirst, plural, showValue, typePhrase, upperFirst } from "./wording.ts";

/**
 * Who reads the sentence decides the wording: a process owner editing a definition
 * ("Node \"triage\" is missing its assignee.") or a requester filling a form
 * ("Description is required.", using the field titles).
 */
export type Audience = "definition" | "formData";

export interface TranslateOptions {
  audience: Audience;
  /** The validated data, to name places (node ids) in sentences. */
  root: unknown;
  /** Prefix for every pointer (where the validated data sits in the file). */
  basePointer?: string;
  /** Root of the full file, when `root` is a part of it (node config inside a workflow). */
  file?: { root: unknown; pointer: string };
}

type SchemaLike = Record<string, unknown> | undefined;

const asSchema = (value: unknown): SchemaLike =>
  value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

const titleOf = (schema: SchemaLike): string | undefined =>
  typeof schema?.title === "string" && schema.title.length > 0 ? schema.title : undefined;

const PATTERN_SENTENCES: [RegExp, (value: string) => string][] = [
  [
    /\^\[a-z\]\[a-z0-9-\]\*\$/,
    (v) => `"${v}" is not a valid id: use lower-case letters, digits and dashes, starting with a letter.`,
  ],
  [
    /\^\[A-Za-z\]\[A-Za-z0-9_-\]\*\$/,
    (v) => `"${v}" is not a valid id: use letters, digits, dashes and underscores, starting with a letter.`,
  ],
  [
    /\^\[a-z\]\[a-z0-9_-\]\*\$/,
    (v) =>
      `"${v}" is not a valid id: use lower-case letters, digits, dashes and underscores, starting with a letter.`,
  ],
  [
    /\^\[A-Za-z_\]\[A-Za-z0-9_\]\*\$/,
    (v) =>
      `"${v}" is not a valid variable name: use letters, digits and underscores, starting with a letter.`,
  ],
  [/^\^P/, (v) => `"${v}" is not an ISO 8601 duration such as PT4H or P3D.`],
  [/^\^\(\[01\]/, (v) => `"${v}" is not a time of day such as 09:00.`],
  [/^\^\(0\|\[1-9\]/, (v) => `"${v}" is not a version such as 1.2.0.`],
];

const FORMAT_EXAMPLES: Record<string, string> = {
  date: "a date such as 2026-12-24",
  "date-time": "a date and time such as 2026-12-24T09:00:00Z",
  email: "an e-mail address",
  uri: "a web address",
  time: "a time such as 09:00:00",
};

/** Turns ajv errors (created with `verbose`) into problems, one per real issue. */
export const ajvErrorsToProblems = (
  errors: readonly ErrorObject[] | null | undefined,
  options: TranslateOptions,
): Problem[] => {
  if (!errors) return [];
  const base = options.basePointer ?? "";
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const error of collapseAjvErrors(errors)) {
    const translated = translate(error, options);
    const pointer = base + translated.pointer;
    const key = `${translated.code} ${pointer}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({
      code: translated.code,
      severity: "error",
      pointer,
      message: translated.message,
      ...(translated.params === undefined ? {} : { params: translated.params }),
    });
  }
  return problems;
};

interface Translated {
  code: string;
  pointer: string;
  message: string;
  /** Variable parts for clients that word the problem themselves; `field` is the schema title or property name. */
  params?: ProblemParams;
}

const translate = (error: ErrorObject, options: TranslateOptions): Translated => {
  const pointer = error.instancePath;
  const parentSchema = asSchema(error.parentSchema);
  const forRequester = options.audience === "formData";
  const placeOf = (at: string): string => {
    if (options.file) return describePlace(options.file.root, options.file.pointer + at);
    return describePlace(options.root, at);
  };
  /** Lower-case name of the value at `pointer`, for mid-sentence use. */
  const label = (): string => {
    if (forRequester) {
      const leaf = splitPointer(pointer).at(-1);
      return lowerFirst(titleOf(parentSchema) ?? (leaf === undefined ? "the form" : humanize(leaf)));
    }
    return placeOf(pointer);
  };
  const value = error.data;
  const params = error.params as Record<string, unknown>;
  const codes = PROBLEM_CODES;
  const leaf = splitPointer(pointer).at(-1);
  /** The field named without English words around it: its title, else its property name. */
  const field = titleOf(parentSchema) ?? leaf ?? "";

  if (error.propertyName !== undefined) {
    return {
      code: codes.badFormat,
      pointer: joinPointer(pointer, error.propertyName),
      message: `"${error.propertyName}" is not a valid name in ${label()}.`,
      params: { value: error.propertyName, field, variant: "name" },
    };
  }

  switch (error.keyword) {
    case "required":
    case "dependentRequired": {
      const missing = String(params.missingProperty);
      const propertySchema = asSchema(asSchema(parentSchema?.properties)?.[missing]);
      if (forRequester) {
        const title = titleOf(propertySchema) ?? upperFirst(humanize(missing));
        return {
          code: codes.missingProperty,
          pointer: joinPointer(pointer, missing),
          message: `${title} is required.`,
          params: { field: title },
        };
      }
      if (pointer === "" && missing === "schemaVersion") {
        return {
          code: codes.unsupportedSchemaVersion,
          pointer: "/schemaVersion",
          message: "The schemaVersion is missing; this Flowdesk reads version 1.",
          params: { variant: "missing" },
        };
      }
      return {
        code: codes.missingProperty,
        pointer: joinPointer(pointer, missing),
        message: `${upperFirst(placeOf(pointer))} is missing its ${humanize(missing)}.`,
        params: { field: missing },
      };
    }
    case "additionalProperties":
    case "unevaluatedProperties": {
      const extra = String(params.additionalProperty ?? params.unevaluatedProperty);
      const where = forRequester ? (pointer === "" ? "the form" : label()) : placeOf(pointer);
      return {
        code: codes.unknownProperty,
        pointer: joinPointer(pointer, extra),
        message: `${upperFirst(where)} has an unknown ${forRequester ? "field" : "property"} "${extra}".`,
        params: { field: extra },
      };
    }
    case "type":
      return {
        code: codes.wrongType,
        pointer,
        message: `${upperFirst(label())} must be ${typePhrase(params.type)}.`,
        params: { field, type: String(params.type) },
      };
    case "enum": {
      const allowed = Array.isArray(params.allowedValues) ? params.allowedValues : [];
      return {
        code: codes.notAllowedValue,
        pointer,
        message: `${showValue(value)} is not a valid ${enumLabel(pointer, parentSchema, forRequester)}; use one of ${listValues(allowed)}.`,
        params: { field, value: showValue(value), choices: listValues(allowed) },
      };
    }
    case "const": {
      const allowed = params.allowedValue;
      if (!forRequester && pointer === "/schemaVersion") {
        return {
          code: codes.unsupportedSchemaVersion,
          pointer,
          message: `Schema version ${showValue(value)} is not supported; this Flowdesk reads version ${showValue(allowed)}.`,
          params: { value: showValue(value), supported: showValue(allowed) },
        };
      }
      return {
        code: codes.notAllowedValue,
        pointer,
        message: `${showValue(value)} is not a valid ${enumLabel(pointer, parentSchema, forRequester)}; use ${showValue(allowed)}.`,
        params: { field, value: showValue(value), choices: showValue(allowed) },
      };
    }
    case "pattern": {
      const text = String(value);
      const sentence = PATTERN_SENTENCES.find(([shape]) => shape.test(String(params.pattern)));
      return {
        code: codes.badFormat,
        pointer,
        message: sentence
          ? sentence[1](text)
          : `${showValue(value)} is not in the format ${label()} expects.`,
        params: {
          field,
          value: text,
          variant: sentence ? `pattern${PATTERN_SENTENCES.indexOf(sentence)}` : "pattern",
        },
      };
    }
    case "format":
      return {
        code: codes.badFormat,
        pointer,
        message: `${showValue(value)} is not ${FORMAT_EXAMPLES[String(params.format)] ?? `a valid ${String(params.format)}`}.`,
        params: { field, value: showValue(value), format: String(params.format), variant: "format" },
      };
    case "minLength":
      return {
        code: codes.wrongSize,
        pointer,
        message:
          params.limit === 1
            ? `${upperFirst(label())} must not be empty.`
            : `${upperFirst(label())} needs at least ${plural(Number(params.limit), "character")}.`,
        params: { field, limit: Number(params.limit), variant: params.limit === 1 ? "empty" : "minLength" },
      };
    case "maxLength":
      return {
        code: codes.wrongSize,
        pointer,
        message: `${upperFirst(label())} may have at most ${plural(Number(params.limit), "character")}.`,
        params: { field, limit: Number(params.limit), variant: "maxLength" },
      };
    case "minItems":
    case "minProperties":
      return {
        code: codes.wrongSize,
        pointer,
        message: `${upperFirst(label())} must have at least ${entries(Number(params.limit))}.`,
        params: { field, limit: Number(params.limit), variant: "minItems" },
      };
    case "maxItems":
    case "maxProperties":
      return {
        code: codes.wrongSize,
        pointer,
        message: `${upperFirst(label())} may have at most ${entries(Number(params.limit))}.`,
        params: { field, limit: Number(params.limit), variant: "maxItems" },
      };
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
    case "multipleOf": {
      const words: Record<string, string> = {
        minimum: "at least",
        maximum: "at most",
        exclusiveMinimum: "more than",
        exclusiveMaximum: "less than",
        multipleOf: "a multiple of",
      };
      return {
        code: codes.outOfRange,
        pointer,
        message: `${upperFirst(label())} must be ${words[error.keyword]} ${String(params.limit ?? params.multipleOf)}.`,
        params: { field, limit: String(params.limit ?? params.multipleOf), variant: error.keyword },
      };
    }
    case "uniqueItems": {
      const list = Array.isArray(value) ? value : [];
      const duplicate = list[Number(params.i)];
      return {
        code: codes.duplicateEntry,
        pointer: joinPointer(pointer, Number(params.i)),
        message: `${showValue(duplicate)} appears more than once in ${label()}.`,
        params: { field, value: showValue(duplicate), variant: "list" },
      };
    }
    case "discriminator":
    case "oneOf":
    case "anyOf":
      return shapeMismatch(error, label(), forRequester, field);
    default:
      return {
        code: codes.noMatchingShape,
        pointer,
        message: `${upperFirst(label())} ${error.message ?? "is not valid"}.`,
        params: { field, variant: "other" },
      };
  }
};

const entries = (count: number): string => (count === 1 ? "1 entry" : `${count} entries`);

const enumLabel = (pointer: string, parentSchema: SchemaLike, forRequester: boolean): string => {
  const leaf = splitPointer(pointer).at(-1) ?? "value";
  if (forRequester) return lowerFirst(titleOf(parentSchema) ?? humanize(leaf));
  return /^\d+$/.test(leaf) ? "value" : humanize(leaf);
};

/** A value that fits none of the alternatives; names the discriminating property if any. */
const shapeMismatch = (
  error: ErrorObject,
  label: string,
  forRequester: boolean,
  field: string,
): Translated => {
  const branches = Array.isArray(error.schema)
    ? error.schema
    : (asSchema(error.parentSchema)?.oneOf as unknown[] | undefined);
  const tag = findTag(branches);
  const data = asSchema(error.data);
  if (tag && data && !forRequester) {
    const allowed = (branches ?? []).map(
      (branch) => asSchema(asSchema(asSchema(branch)?.properties)?.[tag.name])?.const,
    );
    const actual = data[tag.name];
    return {
      code: actual === undefined ? PROBLEM_CODES.missingProperty : PROBLEM_CODES.notAllowedValue,
      pointer: joinPointer(error.instancePath, tag.name),
      message:
        actual === undefined
          ? `${upperFirst(label)} is missing its ${humanize(tag.name)}; use one of ${listValues(allowed)}.`
          : `${showValue(actual)} is not a valid ${humanize(tag.name)} for ${label}; use one of ${listValues(allowed)}.`,
      params:
        actual === undefined
          ? { field: tag.name, choices: listValues(allowed), variant: "tag" }
          : { field: tag.name, value: showValue(actual), choices: listValues(allowed) },
    };
  }
  return {
    code: PROBLEM_CODES.noMatchingShape,
    pointer: error.instancePath,
    message: `${upperFirst(label)} does not match any of the allowed shapes.`,
    params: { field },
  };
};

const findTag = (branches: unknown[] | undefined): { name: string } | undefined => {
  const first = asSchema(asSchema(branches?.[0])?.properties);
  if (!first || !branches) return undefined;
  for (const name of Object.keys(first)) {
    const everyBranchHasConst = branches.every(
      (branch) => asSchema(asSchema(asSchema(branch)?.properties)?.[name])?.const !== undefined,
    );
    if (everyBranchHasConst) return { name };
  }
  return undefined;
};
