import { SCHEMA_VERSION, type TemplatePack } from "../definitions/index.ts";
import type { NodeRegistry } from "../node-descriptor.ts";
import { hasErrors, type Problem } from "../problem.ts";
import { PROBLEM_CODES } from "../validation/problem-codes.ts";
import { validateDefinitionSet } from "../validation/validate-definition-set.ts";
import { PACK_CONTENT_LISTS } from "./pack-contents.ts";

export interface PackCheck {
  /** The pack, when it has no error; only then may it be imported. */
  pack?: TemplatePack;
  problems: Problem[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Where the pack, or a definition inside it, was written for a newer definition language. */
const newerSchemaVersions = (document: unknown, file: string): Problem[] => {
  if (!isRecord(document)) return [];
  const places: { pointer: string; version: unknown; what: string }[] = [
    { pointer: "/schemaVersion", version: document.schemaVersion, what: "This pack uses" },
  ];
  const contents = isRecord(document.contents) ? document.contents : {};
  for (const list of Object.values(PACK_CONTENT_LISTS)) {
    const definitions = contents[list];
    if (!Array.isArray(definitions)) continue;
    definitions.forEach((definition, index) => {
      if (!isRecord(definition)) return;
      places.push({
        pointer: `/contents/${list}/${index}/schemaVersion`,
        version: definition.schemaVersion,
        what: `The ${String(definition.kind)} "${String(definition.id)}" in this pack uses`,
      });
    });
  }
  return places
    .filter((place) => typeof place.version === "number" && place.version > SCHEMA_VERSION)
    .map((place) => ({
      code: PROBLEM_CODES.unsupportedSchemaVersion,
      severity: "error" as const,
      pointer: place.pointer,
      message: `${place.what} definition schema version ${String(place.version)}; this Flowdesk reads version ${SCHEMA_VERSION} and older. Upgrade Flowdesk before importing it.`,
      params: { value: String(place.version), supported: SCHEMA_VERSION, variant: "pack" },
      file,
    }));
};

/**
 * Decides whether a document may be imported as a pack. A pack written by a newer
 * Flowdesk (or carrying a definition written by one) is refused with one sentence per
 * place saying so: its contents may use words this build does not know. Anything else
 * goes through the validator with the pack's contents as one set, so every problem is
 * listed at once.
 */
export const checkPack = (
  document: unknown,
  options: { registry: NodeRegistry; file?: string },
): PackCheck => {
  const file = options.file ?? "pack.json";
  const newer = newerSchemaVersions(document, file);
  if (newer.length > 0) return { problems: newer };
  if (!isRecord(document) || document.kind !== "pack") {
    return {
      problems: [
        {
          code: PROBLEM_CODES.unknownKind,
          severity: "error",
          pointer: "/kind",
          message: 'This file is not a template pack: its kind must be "pack".',
          params: { variant: "pack" },
          file,
        },
      ],
    };
  }
  const problems = validateDefinitionSet([{ file, document }], { registry: options.registry });
  return hasErrors(problems) ? { problems } : { pack: document as unknown as TemplatePack, problems };
};
