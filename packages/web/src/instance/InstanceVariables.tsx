import { useTranslation } from "react-i18next";
import { InstanceCard } from "./InstanceCard.tsx";

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
    <InstanceCard
      part="data"
      title={t("instance.data.title")}
      emptyText={entries.length === 0 ? t("instance.data.none") : undefined}
    >
      <dl className="instance-data">
        {entries.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{typeof value === "object" && value !== null ? <pre>{shown(value)}</pre> : shown(value)}</dd>
          </div>
        ))}
      </dl>
    </InstanceCard>
  );
};
