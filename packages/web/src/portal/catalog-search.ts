import type { CatalogCategory, CatalogItem } from "./portal-api.ts";

/*
 * Catalog search as the requester types: every word must appear somewhere in the item's
 * title, description, tags or category title, ignoring case and accents, so "LAPTOP new"
 * and "nouveau" style queries behave as people expect.
 */

const fold = (text: string): string =>
  text
    .normalize("NFKD")
    .replace(/\p{Mn}/gu, "")
    .toLocaleLowerCase();

export const queryWords = (query: string): string[] => fold(query).split(/\s+/).filter(Boolean);

export const matchesQuery = (item: CatalogItem, categoryTitle: string, words: readonly string[]): boolean => {
  if (words.length === 0) return true;
  const haystack = fold([item.title, item.description ?? "", categoryTitle, ...item.tags].join(" "));
  return words.every((word) => haystack.includes(word));
};

export interface CatalogSection {
  category: CatalogCategory;
  items: CatalogItem[];
}

/**
 * Items grouped under their categories in the categories' order; items of a category the
 * catalog does not list come last under one "other" section so nothing requestable hides.
 */
export const catalogSections = (
  categories: readonly CatalogCategory[],
  items: readonly CatalogItem[],
  query: string,
  other: CatalogCategory,
): CatalogSection[] => {
  const words = queryWords(query);
  const known = new Map(categories.map((category) => [category.id, category]));
  const sections = categories.map((category) => ({ category, items: [] as CatalogItem[] }));
  const rest: CatalogItem[] = [];
  for (const item of items) {
    const category = known.get(item.category);
    if (!matchesQuery(item, category?.title ?? "", words)) continue;
    const section = sections.find((candidate) => candidate.category.id === item.category);
    if (section) section.items.push(item);
    else rest.push(item);
  }
  const filled = sections.filter((section) => section.items.length > 0);
  return rest.length > 0 ? [...filled, { category: other, items: rest }] : filled;
};
