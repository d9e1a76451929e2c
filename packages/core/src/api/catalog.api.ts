import { type Static, Type } from "@sinclair/typebox";
import { ID_PATTERN, Items, Nullable, SearchQuery, Strict } from "./common.api.ts";

/** A published catalog category, as the portal lists it. */
export const CatalogCategoryView = Strict({
  id: Type.String(),
  title: Type.String(),
  description: Type.Optional(Type.String()),
  icon: Type.Optional(Type.String()),
  parent: Type.Optional(Type.String()),
  order: Type.Number(),
  version: Type.Integer(),
});
export type CatalogCategoryView = Static<typeof CatalogCategoryView>;

export const CatalogCategoryList = Items(CatalogCategoryView);
export type CatalogCategoryList = Static<typeof CatalogCategoryList>;

/** A published catalog item the caller may request. */
export const CatalogItemView = Strict({
  id: Type.String(),
  title: Type.String(),
  description: Type.Optional(Type.String()),
  category: Type.String(),
  form: Type.String(),
  formVersion: Nullable(
    Type.Integer({
      description: "The form's newest published version: the one a new request is checked against.",
    }),
  ),
  workflow: Type.String(),
  icon: Type.Optional(Type.String()),
  tags: Type.Array(Type.String()),
  version: Type.Integer(),
});
export type CatalogItemView = Static<typeof CatalogItemView>;

export const CatalogItemList = Items(CatalogItemView);
export type CatalogItemList = Static<typeof CatalogItemList>;

export const CatalogItemQuery = Strict({ category: Type.Optional(Type.String({ pattern: ID_PATTERN })) });
export type CatalogItemQuery = Static<typeof CatalogItemQuery>;

/* Directory look-ups: what lookup widgets search as the user types. */

const SlugFilter = Type.Optional(Type.String({ pattern: ID_PATTERN }));

export const DirectoryUserQuery = Strict({ ...SearchQuery.properties, role: SlugFilter, group: SlugFilter });
export type DirectoryUserQuery = Static<typeof DirectoryUserQuery>;

export const ConfigurationItemQuery = Strict({
  ...SearchQuery.properties,
  ciClass: SlugFilter,
  ownerGroup: SlugFilter,
});
export type ConfigurationItemQuery = Static<typeof ConfigurationItemQuery>;

export const ServiceQuery = Strict({ ...SearchQuery.properties, ownerGroup: SlugFilter });
export type ServiceQuery = Static<typeof ServiceQuery>;

export const DirectoryUser = Strict({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
});
export type DirectoryUser = Static<typeof DirectoryUser>;

export const DirectoryGroup = Strict({ id: Type.String(), title: Type.String() });
export type DirectoryGroup = Static<typeof DirectoryGroup>;

export const ConfigurationItemView = Strict({
  id: Type.String(),
  name: Type.String(),
  ciClass: Type.String(),
  status: Type.String(),
  ownerGroup: Nullable(Type.String()),
});
export type ConfigurationItemView = Static<typeof ConfigurationItemView>;

export const DirectoryUserList = Items(DirectoryUser);
export const DirectoryGroupList = Items(DirectoryGroup);
export const ConfigurationItemList = Items(ConfigurationItemView);
export type DirectoryUserList = Static<typeof DirectoryUserList>;
export type DirectoryGroupList = Static<typeof DirectoryGroupList>;
export type ConfigurationItemList = Static<typeof ConfigurationItemList>;
