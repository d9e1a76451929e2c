import { useTranslation } from "react-i18next";
import { routeHref } from "../app/hash-route.ts";
import { EmptyState, ErrorState, LoadingState } from "../ui/StateViews.tsx";
import { useResource } from "../ui/use-resource.ts";
import { CatalogIcon } from "./CatalogIcon.tsx";
import { portalApi } from "./portal-api.ts";
import { RequestForm } from "./RequestForm.tsx";
import { useCatalog } from "./use-catalog.ts";

/** One catalog item: what it is, then its published form, ready to submit. */
export const CatalogItemPage = ({ itemId }: { itemId: string }) => {
  const { t } = useTranslation();
  const catalog = useCatalog();
  const item = catalog.data?.items.find((candidate) => candidate.id === itemId);
  const category = catalog.data?.categories.find((candidate) => candidate.id === item?.category);
  const formVersion = item?.formVersion ?? null;
  const form = useResource(
    (signal) =>
      item === undefined || formVersion === null
        ? new Promise<never>(() => undefined)
        : portalApi.form(item.form, formVersion, signal),
    item === undefined ? "" : `${item.form}@${formVersion}`,
  );

  const back = (
    <nav className="portal-breadcrumb" aria-label={t("portal.breadcrumb")}>
      <a href={routeHref({ screen: "catalog" })}>{t("portal.catalog.title")}</a>
      {category ? (
        <>
          <span aria-hidden="true"> / </span>
          <span>{category.title}</span>
        </>
      ) : null}
    </nav>
  );

  if (catalog.status === "loading") return <LoadingState label={t("portal.item.loading")} />;
  if (catalog.status === "error" && catalog.data === undefined)
    return <ErrorState error={catalog.error} onRetry={catalog.reload} />;
  if (item === undefined) {
    return (
      <div className="portal">
        {back}
        <EmptyState title={t("portal.item.missing")}>
          <a href={routeHref({ screen: "catalog" })}>{t("common.backToCatalog")}</a>
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="portal portal--item">
      {back}
      <header className="item-header">
        <CatalogIcon name={item.icon} title={item.title} />
        <div>
          <h1>{item.title}</h1>
          {item.description ? <p className="item-header__description">{item.description}</p> : null}
        </div>
      </header>
      <section className="portal-card" aria-labelledby="request-form-title">
        <h2 id="request-form-title" className="portal-card__title">
          {t("portal.item.formTitle")}
        </h2>
        {formVersion === null ? <EmptyState title={t("portal.item.formUnpublished")} /> : null}
        {formVersion !== null && form.status === "loading" ? (
          <LoadingState label={t("portal.item.formLoading")} />
        ) : null}
        {form.status === "error" ? <ErrorState error={form.error} onRetry={form.reload} /> : null}
        {form.status === "ready" ? <RequestForm item={item} form={form.data} /> : null}
      </section>
    </div>
  );
};
