import { type TProperties, type TSchema, Type } from "@sinclair/typebox";

/*
 * Building blocks of the wire contract. Every body is strict (no properties beyond the
 * declared ones), so a server answer that drifts from its schema is caught by the
 * contract tests instead of by a browser that reads a missing field.
 */

/** An object with exactly these properties. */
export const Strict = <T extends TProperties>(properties: T, options: { description?: string } = {}) =>
  Type.Object(properties, { ...options, additionalProperties: false });

/** A value or null. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const ID_PATTERN = "^[a-z][a-z0-9-]{0,99}$";

/** A definition id or group id: a slug. */
export const Slug = Type.String({ pattern: ID_PATTERN });

/** Generated record ids (users, requests, tasks): uuid-like, no surprises in a path. */
export const RecordId = Type.String({ pattern: "^[A-Za-z0-9-]{1,64}$" });

/** Path parameters: every one required, nothing else. */
export const PathParams = <T extends TProperties>(properties: T) => Strict(properties);

export const RecordIdParams = PathParams({ id: RecordId });
export const SlugParams = PathParams({ id: Slug });

export const PAGING = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
};

export const PageQuery = Strict(PAGING);

export const SearchQuery = Strict({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
});

/** A list answer: `{ items: [...] }`. */
export const Items = <T extends TSchema>(item: T) => Strict({ items: Type.Array(item) });

/** A paged list answer: the items and the window they came from. */
export const Page = <T extends TSchema>(item: T) =>
  Strict({ items: Type.Array(item), limit: Type.Integer(), offset: Type.Integer() });

/** A page that also says how many there are in all. */
export const CountedPage = <T extends TSchema>(item: T) =>
  Strict({ items: Type.Array(item), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() });

/** Display names of the people an answer names, by user name. */
export const People = Type.Record(Type.String(), Type.String(), {
  description: "Display names of the people the answer names, by user name.",
});

/** Any JSON object (variables, form data): its shape belongs to a definition, not to the API. */
export const AnyObject = Type.Record(Type.String(), Type.Unknown());
