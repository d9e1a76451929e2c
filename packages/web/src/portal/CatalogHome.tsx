import { type KeyboardEvent, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { navigate, routeHref } from "../app/hash-route.ts";
import { EmptyState, ErrorState, LoadingState } from "../ui/StateViews.tsx";
import { CatalogIcon } from "./CatalogIcon.tsx";
import { catalogSections } from "./catalog-search.ts";
import type { CatalogItem } from "./portal-api.ts";
import { useCatalog } from "./use-catalog.ts";

const ItemCard = ({ item }: { item: CatalogItem }) => (
  <li>
    <a className="catalog-card" href={routeHref({ screen: "catalog", id: item.id })}>
      <CatalogIcon name={item.icon} title={item.title} />
      <span className="catalog-card__text">
        <span className="catalog-card__title">{item.title}</span>
        {item.description ? <span className="catalog-card__description">{item.description}</span> : null}
      </span>
    </a>
  </li>
);

/** The catalog home: a search box that filters as the requester types, items under their categories. */
export const CatalogHome = () => {
  const { t } = useTranslation();
  const catalog = useCatalog();
  const [query, setQuery] = useState("");
  const searchId = useId();
  const resultsId = useId();
  const other = useMemo(
    () => ({ id: "", title: t("portal.catalog.otherCategory"), order: 0, version: 0 }),
    [t],
  );
  const sections = useMemo(
    () => (catalog.data ? catalogSections(catalog.data.categories, catalog.data.items, query, other) : []),
    [catalog.data, query, other],
  );
  const found = sections.reduce((count, section) => count + section.items.length, 0);

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Escape") setQuery("");
    const first = sections[0]?.items[0];
    // Enter opens the best match, so a requester who knows what they want never leaves the keyboard.
    if (event.key === "Enter" && first && query.trim() !== "") navigate({ screen: "catalog", id: first.id });
  };

  return (
    <div className="portal portal--catalog">
      <header className="portal-hero">
        <h1>{t("portal.catalog.title")}</h1>
        <p className="muted">{t("portal.catalog.intro")}</p>
        <div className="portal-search">
          <label htmlFor={searchId}>{t("portal.catalog.searchLabel")}</label>
          <input
            id={searchId}
            type="search"
            value={query}
            autoComplete="off"
            placeholder={t("portal.catalog.searchPlaceholder")}
            aria-describedby={resultsId}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={onSearchKey}
          />
          <p id={resultsId} className="portal-search__count" role="status" aria-live="polite">
            {catalog.status === "ready" && query.trim() !== ""
              ? t("portal.catalog.found", { count: found })
              : ""}
          </p>
        </div>
      </header>
      {catalog.status === "loading" ? <LoadingState label={t("portal.catalog.loading")} /> : null}
      {catalog.status === "error" ? <ErrorState error={catalog.error} onRetry={catalog.reload} /> : null}
      {catalog.status === "ready" && catalog.data.items.length === 0 ? (
        <EmptyState title={t("portal.catalog.empty")}>
          <p className="muted">{t("portal.catalog.emptyHint")}</p>
        </EmptyState>
      ) : null}
      {catalog.status === "ready" && catalog.data.items.length > 0 && sections.length === 0 ? (
        <EmptyState title={t("portal.catalog.noMatch", { query })}>
          <button type="button" className="button" onClick={() => setQuery("")}>
            {t("portal.catalog.clearSearch")}
          </button>
        </EmptyState>
      ) : null}
      {sections.map((section) => (
        <section
          key={section.category.id || "other"}
          className="catalog-section"
          aria-labelledby={`category-${section.category.id || "other"}`}
        >
          <h2 id={`category-${section.category.id || "other"}`} className="catalog-section__title">
            {section.category.title}
          </h2>
          {section.category.description ? (
            <p className="catalog-section__description muted">{section.category.description}</p>
          ) : null}
          <ul className="catalog-grid">
            {section.items.map((item) => (
              <ItemCard key={item.id} item={item} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
};
