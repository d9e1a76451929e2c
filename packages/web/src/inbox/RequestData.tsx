import { useTranslation } from "react-i18next";
import { formatNumber } from "../ui/format.ts";

/** A data key as people read it: "affectedService" -> "Affected service". */
const readableKey = (key: string): string => {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[-_]+/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const readableValue = (value: unknown, yes: string, no: string): string => {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? yes : no;
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((item) => typeof item !== "object"))
    return value.map((item) => String(item)).join(", ");
  return JSON.stringify(value);
};

/** The data the request carries now (the requester's answers and what earlier steps added). */
export const RequestData = ({ variables }: { variables: Record<string, unknown> }) => {
  const { t } = useTranslation();
  const entries = Object.entries(variables).filter(([, value]) => value !== undefined && value !== "");
  return (
    <section className="task-section" aria-labelledby="task-data-title">
      <h3 id="task-data-title">{t("inbox.detail.data")}</h3>
      {entries.length === 0 ? (
        <p className="muted">{t("inbox.detail.noData")}</p>
      ) : (
        <dl className="task-data">
          {entries.map(([key, value]) => (
            <div key={key} className="task-data__row">
              <dt>{readableKey(key)}</dt>
              <dd>{readableValue(value, t("inbox.detail.yes"), t("inbox.detail.no"))}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
};
