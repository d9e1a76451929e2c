import { SCHEMA_VERSION, type TemplatePack } from "../definitions/index.ts";
import type { NodeRegistry } from "../node-descriptor.ts";
import { hasErrors, type Problem } from "../problem.ts";
import { PROBLEM_CODES } from "../validation/problem-codes.ts";
import { validateDefinitionSet } from "../validation/validate-definition-set.ts";

export interface PackCheck {
  /** The pack, when it has no error; only then may it be imported. */
  pack?: TemplatePack;
  problems: Problem[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Decides whether a document may be imported as a pack. A pack written by a newer
 * Flowdesk is refused with one sentence saying so (its contents may use words this
 * build does not know); anything else goes through the validator with the pack's
 * contents as one set, so every problem is listed at once.
 */
export const checkPack = (
  document: unknown,
  options: { registry: NodeRegistry; file?: string },
): PackCheck => {
  const file = options.file ?? "pack.json";
  if (
    isRecord(document) &&
    typeof document.schemaVersion === "number" &&
    document.schemaVersion > SCHEMA_VERSION
  ) {
    return {
      problems: [
        {
          code: PROBLEM_CODES.unsupportedSchemaVersion,
          severity: "error",
          pointer: "/schemaVersion",
          message: `This pack uses definition schema version ${document.schemaVersion}; this Flowdesk reads version ${SCHEMA_VERSION} and older. Upgrade Flowdesk before importing it.`,
          file,
        },
      ],
    };
  }
  if (!isRecord(document) || document.kind !== "pack") {
    return {
      problems: [
        {
          code: PROBLEM_CODES.unknownKind,
          severity: "error",
          pointer: "/kind",
          message: 'This file is not a template pack: its kind must be "pack".',
          file,
        },
      ],
    };
  }
  const problems = validateDefinitionSet([{ file, document }], { registry: options.registry });
  return hasErrors(problems) ? { problems } : { pack: document as unknown as TemplatePack, problems };
};
