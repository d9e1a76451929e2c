import { type Static, Type } from "@sinclair/typebox";
import type { DefinitionKind } from "../definitions/index.ts";
import { KIND_SCHEMAS } from "../schema/definition-schemas.ts";
import { Items, Nullable, PathParams, Slug, Strict } from "./common.api.ts";
import { ProblemItem } from "./problem.api.ts";

/** One line of a designer's list: the newest version and whether a draft waits. */
export const DefinitionSummaryView = Strict({
  id: Type.String(),
  title: Type.String(),
  kind: Type.String(),
  latestVersion: Nullable(Type.Integer()),
  hasDraft: Type.Boolean(),
  updatedAt: Type.String(),
});
export type DefinitionSummaryView = Static<typeof DefinitionSummaryView>;

export const DefinitionSummaryList = Items(DefinitionSummaryView);
export type DefinitionSummaryList = Static<typeof DefinitionSummaryList>;

/** A saved draft; `updatedAt` is its ETag, sent back in If-Match. */
export const DraftView = Strict({ definition: Type.Unknown(), updatedAt: Type.String() });
export type DraftView = Static<typeof DraftView>;

/** What saving a draft answers: its problems (it may hold errors) and its new ETag. */
export const DraftSaved = Strict({ problems: Type.Array(ProblemItem), updatedAt: Type.String() });
export type DraftSaved = Static<typeof DraftSaved>;

export const PublishedVersionView = Strict({
  id: Type.String(),
  version: Type.Integer(),
  contentHash: Type.String(),
  publishedAt: Type.String(),
});
export type PublishedVersionView = Static<typeof PublishedVersionView>;

export const VersionSummary = Strict({
  version: Type.Integer(),
  contentHash: Type.String(),
  publishedAt: Type.String(),
  publishedBy: Nullable(Type.String()),
});
export type VersionSummary = Static<typeof VersionSummary>;

export const VersionSummaryList = Items(VersionSummary);
export type VersionSummaryList = Static<typeof VersionSummaryList>;

export const VersionView = Strict({
  definition: Type.Unknown(),
  version: Type.Integer(),
  contentHash: Type.String(),
});
export type VersionView = Static<typeof VersionView>;

const DiffSection = Type.Record(Type.String(), Type.Array(Type.String()));

/** Ids (nodes, edges, fields, properties) added, removed and changed between two versions. */
export const DefinitionDiff = Strict({ added: DiffSection, removed: DiffSection, changed: DiffSection });
export type DefinitionDiff = Static<typeof DefinitionDiff>;

export const VersionParams = PathParams({
  id: Slug,
  version: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
});

export const DiffQuery = Strict({
  from: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  to: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
});
export type DiffQuery = Static<typeof DiffQuery>;

/**
 * A draft body: the kind's own top-level fields only (a typo there is refused at once),
 * with the id and kind required. Everything deeper may be unfinished: it is saved and
 * comes back as problems, the same ones publishing would block on.
 */
export const definitionBody = (kind: DefinitionKind, noun: string) => {
  const fields = Object.keys((KIND_SCHEMAS[kind].schema.properties ?? {}) as Record<string, unknown>);
  return Type.Unsafe<{ id: string; kind: string } & Record<string, unknown>>({
    type: "object",
    description: `A ${noun} definition (components/schemas/${kind[0]?.toUpperCase()}${kind.slice(1)}Definition); only its structure is checked here, its content comes back as problems.`,
    required: ["id", "kind"],
    properties: { id: { type: "string", maxLength: 100 }, kind: { const: kind } },
    propertyNames: { enum: fields },
  });
};
