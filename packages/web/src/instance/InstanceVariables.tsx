import { useTranslation } from "react-i18next";

/** Plain values as they are; lists and objects as indented JSON, so nothing is hidden. */
const shown = (value: unknown): string =>
  value === null || value === undefined
    ? "—"
    : typeof value === "object"
      ? JSON.stringify(value, null, 2)
      : String(value);

/** The instance's data: every variable by name. */
export const InstanceVariables = ({ variables }: { variables: Record<string, unknown> }) => {
  const { t } = useTranslation();
  const entries = Object.entries(variables).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section className="instance-card" aria-labelledby="instance-data-title" data-testid="instance-data">
      <h2 id="instance-data-title">{t("instance.data.title")}</h2>
      {entries.length === 0 ? (
        <p className="instance-card__empty">{t("instance.data.none")}</p>
      ) : (
        <dl className="instance-data">
          {entries.map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>
                {typeof value === "object" && value !== null ? <pre>{shown(value)}</pre> : shown(value)}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
};
