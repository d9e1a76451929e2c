import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { DefinitionKind, JsonSchema } from "../definitions/index.ts";
import { ALL_SCHEMAS, schemaIdOf } from "./definition-schemas.ts";

export type Ajv = Ajv2020;
export type { ValidateFunction };

/**
 * Keywords that form designers (rjsf) put into form schemas for rendering only; ajv must
 * accept them in strict mode without giving them a meaning.
 */
const ANNOTATION_KEYWORDS = ["enumNames", "ui:order", "ui:widget", "x-lookup"];

/**
 * THE ajv factory: definitions, node configs and form data are all checked by instances
 * made here, so the browser and the server apply exactly the same rules.
 * Strict about schemas (unknown keywords are mistakes), lenient about type unions that
 * form builders commonly produce.
 */
export const createAjv = (): Ajv => {
  const ajv = new Ajv2020({
    allErrors: true,
    // verbose keeps the failing value and schema on each error, for readable messages.
    verbose: true,
    discriminator: true,
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    validateFormats: true,
  });
  addFormats.default(ajv);
  ajv.addVocabulary(ANNOTATION_KEYWORDS);
  for (const published of ALL_SCHEMAS) ajv.addSchema(published.schema);
  return ajv;
};

let shared: Ajv | undefined;

/** The process-wide instance; compiled validators are cached on it. */
export const sharedAjv = (): Ajv => {
  shared ??= createAjv();
  return shared;
};

/** Compiled validator of a definition kind (ajv caches by $id). */
export const definitionValidator = (kind: DefinitionKind): ValidateFunction => {
  const validate = sharedAjv().getSchema(schemaIdOf(kind));
  if (!validate) throw new Error(`No schema registered for kind ${kind}`);
  return validate;
};

const bySchemaObject = new WeakMap<object, ValidateFunction | Error>();
const bySchemaText = new Map<string, ValidateFunction | Error>();
const TEXT_CACHE_LIMIT = 500;

/**
 * Compiles a schema that comes from a definition (form schema, node property schema),
 * cached by identity and by content. Returns the compile error instead of throwing.
 * `$id` is dropped so two versions of one form never collide in the ajv registry.
 */
export const compileUserSchema = (schema: JsonSchema): ValidateFunction | Error => {
  const known = bySchemaObject.get(schema);
  if (known) return known;
  let text: string;
  try {
    text = JSON.stringify(schema);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
  let compiled = bySchemaText.get(text);
  if (!compiled) {
    const { $id: _ignored, ...withoutId } = schema;
    try {
      compiled = sharedAjv().compile(withoutId);
    } catch (error) {
      compiled = error instanceof Error ? error : new Error(String(error));
    }
    if (bySchemaText.size >= TEXT_CACHE_LIMIT) {
      const oldest = bySchemaText.keys().next().value;
      if (oldest !== undefined) bySchemaText.delete(oldest);
    }
    bySchemaText.set(text, compiled);
  }
  bySchemaObject.set(schema, compiled);
  return compiled;
};
