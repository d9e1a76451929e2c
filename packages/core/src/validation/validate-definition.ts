import { UNEXPECTED_ERROR } from "../error-codes.ts";
import type { NodeRegistry } from "../node-descriptor.ts";
import type { Problem } from "../problem.ts";
import { checkSemantics } from "./document-checks.ts";
import { comparePointers } from "./json-pointer.ts";
import { isRecord } from "./make-problem.ts";
import { checkDefinitionGroup, packEntries } from "./set-checks.ts";
import { checkStructure } from "./structure-checks.ts";

export interface ValidationOptions {
  /** The node registry (nodeRegistry of @flowdesk/nodes); core never imports it. */
  registry: NodeRegistry;
  /**
   * Definitions the document may refer to (its forms, subprocess workflows, SLA policy,
   * directories), e.g. what the designer has loaded. When given, variables read from
   * those forms are verified and references are checked against them (FD4xxx); only
   * the document's own problems are returned. Ignored for a pack.
   */
  related?: readonly unknown[];
}

export const sortProblems = (problems: Problem[]): Problem[] =>
  problems.sort((left, right) => {
    const leftFile = left.file ?? "";
    const rightFile = right.file ?? "";
    if (leftFile !== rightFile) return leftFile < rightFile ? -1 : 1;
    const byPointer = comparePointers(left.pointer, right.pointer);
    if (byPointer !== 0) return byPointer;
    return left.code < right.code ? -1 : left.code > right.code ? 1 : 0;
  });

/** Stands in for problems when a check itself fails: the caller still gets data. */
export const unexpectedProblem = (error: unknown, file?: string): Problem => ({
  code: UNEXPECTED_ERROR.code,
  severity: "error",
  pointer: "",
  message: `The definition could not be fully checked: ${error instanceof Error ? error.message : String(error)}`,
  params: { reason: error instanceof Error ? error.message : String(error) },
  ...(file === undefined ? {} : { file }),
});

/** One file: structure, its own semantics, and for a pack its contents as a set. */
export const checkFile = (document: unknown, registry: NodeRegistry, file: string | undefined): Problem[] => {
  const { kind, problems } = checkStructure(document);
  const located = problems.map((found) => (file === undefined ? found : { ...found, file }));
  if (!kind || !isRecord(document)) return located;
  if (kind === "pack") {
    located.push(...checkDefinitionGroup(packEntries(document, file), registry));
  } else {
    const semantics = checkSemantics(kind, document, registry, undefined);
    located.push(...semantics.map((found) => (file === undefined ? found : { ...found, file })));
  }
  return located;
};

/**
 * Checks one definition document: its structure and its own semantics (a pack: its
 * contents as a set). Never throws; problems come back sorted by pointer.
 */
/** The document as one member of a set made with its related definitions. */
const checkWithRelated = (
  document: unknown,
  registry: NodeRegistry,
  related: readonly unknown[],
): Problem[] => {
  const { kind, problems } = checkStructure(document);
  if (!kind || !isRecord(document) || kind === "pack") return checkFile(document, registry, undefined);
  const RELATED = "related";
  const entries = [
    { document, file: undefined, pointer: "" },
    ...related.filter(isRecord).map((other) => ({ document: other, file: RELATED, pointer: "" })),
  ];
  const own = checkDefinitionGroup(entries, registry).filter((found) => found.file === undefined);
  return [...problems, ...own];
};

export const validateDefinition = (document: unknown, options: ValidationOptions): Problem[] => {
  try {
    const related = Array.isArray(options.related) ? options.related : undefined;
    return sortProblems(
      related
        ? checkWithRelated(document, options.registry, related)
        : checkFile(document, options.registry, undefined),
    );
  } catch (error) {
    return [unexpectedProblem(error)];
  }
};
