import { useTranslation } from "react-i18next";
import { formatDateTime } from "../ui/format.ts";
import type { HistoryRow } from "./instance-api.ts";

/** The append-only history, oldest first as it happened: when, what, which step, who. */
export const InstanceHistory = ({
  history,
  stepName,
  nameOf,
}: {
  history: readonly HistoryRow[];
  stepName: (nodeId: string | null) => string;
  /** User name -> display name. */
  nameOf: (username: string) => string;
}) => {
  const { t } = useTranslation();
  return (
    <section className="instance-card instance-history" aria-labelledby="instance-history-title">
      <h2 id="instance-history-title">{t("instance.history.title")}</h2>
      <div className="instance-history__scroll">
        <table className="data-table" data-testid="instance-history">
          <caption className="visually-hidden">{t("instance.history.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("instance.history.when")}</th>
              <th scope="col">{t("instance.history.what")}</th>
              <th scope="col">{t("instance.history.step")}</th>
              <th scope="col">{t("instance.history.who")}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((entry) => (
              <tr key={entry.seq}>
                <td>
                  <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                </td>
                <td>{t(`instance.history.types.${entry.type}`, { defaultValue: entry.type })}</td>
                <td>{stepName(entry.nodeId)}</td>
                <td>{entry.actor ? nameOf(entry.actor) : t("instance.history.system")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
};
