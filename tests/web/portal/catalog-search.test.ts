import { describe, expect, it } from "vitest";
import {
  catalogSections,
  matchesQuery,
  queryWords,
} from "../../../packages/web/src/portal/catalog-search.ts";
import type { CatalogCategory, CatalogItem } from "../../../packages/web/src/portal/portal-api.ts";

const category = (id: string, title: string, order: number): CatalogCategory => ({
  id,
  title,
  order,
  version: 1,
});
const item = (
  id: string,
  title: string,
  categoryId: string,
  tags: string[] = [],
  description = "",
): CatalogItem => ({
  id,
  title,
  description,
  category: categoryId,
  form: `${id}-form`,
  formVersion: 1,
  workflow: `${id}-flow`,
  tags,
  version: 1,
});

const CATEGORIES = [category("support", "IT support", 10), category("hardware", "Hardware and software", 20)];
const ITEMS = [
  item("laptop", "Request a new laptop", "hardware", ["notebook", "computer"]),
  item(
    "incident",
    "Report an incident",
    "support",
    ["broken", "not working"],
    "Something has stopped working.",
  ),
  item("café", "Order a café machine", "kitchen"),
];
const OTHER = category("", "Other services", 0);

describe("catalog search", () => {
  it("shows every item under its category in the categories' order, unknown categories last", () => {
    // when nothing is typed
    const sections = catalogSections(CATEGORIES, ITEMS, "", OTHER);

    // then
    expect(sections.map((section) => [section.category.title, section.items.map((i) => i.id)])).toEqual([
      ["IT support", ["incident"]],
      ["Hardware and software", ["laptop"]],
      ["Other services", ["café"]],
    ]);
  });

  it("matches every word against title, description, tags and category, ignoring case and accents", () => {
    // when the requester types
    const byTag = catalogSections(CATEGORIES, ITEMS, "NOTEBOOK", OTHER);
    const byCategoryAndTitle = catalogSections(CATEGORIES, ITEMS, "hardware laptop", OTHER);
    const byDescription = catalogSections(CATEGORIES, ITEMS, "stopped", OTHER);
    const withoutAccent = catalogSections(CATEGORIES, ITEMS, "cafe", OTHER);
    const nothing = catalogSections(CATEGORIES, ITEMS, "laptop broken", OTHER);

    // then only sections with a match stay
    expect(byTag.flatMap((s) => s.items.map((i) => i.id))).toEqual(["laptop"]);
    expect(byCategoryAndTitle.flatMap((s) => s.items.map((i) => i.id))).toEqual(["laptop"]);
    expect(byDescription.flatMap((s) => s.items.map((i) => i.id))).toEqual(["incident"]);
    expect(withoutAccent.flatMap((s) => s.items.map((i) => i.id))).toEqual(["café"]);
    expect(nothing).toEqual([]);
  });

  it("splits queries on any whitespace and ignores an empty one", () => {
    expect(queryWords("  New   Laptop ")).toEqual(["new", "laptop"]);
    expect(matchesQuery(ITEMS[0] as CatalogItem, "", queryWords("   "))).toBe(true);
  });
});
