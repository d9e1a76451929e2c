import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type DefinitionSummary } from "../api/api-client.ts";
import { routeHref } from "./hash-route.ts";

const SLUG = /^[a-z][a-z0-9-]*$/;

/** The workflows or forms a process owner can open, and a way to start a new one. */
export const DefinitionList = ({ kind }: { kind: "workflows" | "forms" }) => {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<DefinitionSummary[] | undefined>();
  const [failed, setFailed] = useState(false);
  const [newId, setNewId] = useState("");

  useEffect(() => {
    let current = true;
    setItems(undefined);
    api
      .list(kind)
      .then((answer) => current && setItems(answer.items))
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
    };
  }, [kind]);

  const create = (event: FormEvent) => {
    event.preventDefault();
    if (SLUG.test(newId)) window.location.hash = routeHref({ screen: kind, id: newId });
  };
  const idInvalid = newId !== "" && !SLUG.test(newId);

  return (
    <section className="definition-list" aria-labelledby="definition-list-title">
      <h1 id="definition-list-title">{t(`list.${kind}.title`)}</h1>
      <form className="inline-form" onSubmit={create}>
        <label htmlFor="new-definition-id">{t(`list.${kind}.newId`)}</label>
        <input
          id="new-definition-id"
          value={newId}
          onChange={(event) => setNewId(event.target.value.trim())}
          aria-invalid={idInvalid}
          aria-describedby="new-definition-hint"
          placeholder="password-reset"
        />
        <button type="submit" className="button primary" disabled={!SLUG.test(newId)}>
          {t("list.create")}
        </button>
        <span id="new-definition-hint" className={idInvalid ? "field-error" : "field-hint"}>
          {t("list.idHint")}
        </span>
      </form>
      {failed ? <p role="alert">{t("list.loadFailed")}</p> : null}
      {items === undefined && !failed ? <p aria-live="polite">{t("common.loading")}</p> : null}
      {items?.length === 0 ? <p>{t(`list.${kind}.empty`)}</p> : null}
      {items && items.length > 0 ? (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("list.columns.title")}</th>
              <th scope="col">{t("list.columns.version")}</th>
              <th scope="col">{t("list.columns.draft")}</th>
              <th scope="col">{t("list.columns.updated")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>
                  <a href={routeHref({ screen: kind, id: item.id })}>{item.title}</a>
                  <span className="muted"> {item.id}</span>
                </td>
                <td>{item.latestVersion ?? t("list.unpublished")}</td>
                <td>{item.hasDraft ? t("common.yes") : t("common.no")}</td>
                <td>
                  {new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" }).format(
                    new Date(item.updatedAt),
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
};
