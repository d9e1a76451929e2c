import type { PackImportEntry, PackImportPreview } from "@flowdesk/core";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../ui/format.ts";
import { changeCount, groupPreview } from "./pack-preview.ts";

const EntryList = ({
  entries,
  change,
}: {
  entries: PackImportEntry[];
  change: PackImportEntry["change"];
}) => {
  const { t } = useTranslation();
  return (
    <ul className={`admin-entries admin-entries--${change}`}>
      {entries.map((entry) => (
        <li key={entry.id}>
          <span className={`admin-badge admin-badge--${change}`}>{t(`admin.packs.change.${change}`)}</span>
          <span className="admin-entries__title">{entry.title}</span>
          <code className="code">{entry.id}</code>
        </li>
      ))}
    </ul>
  );
};

/**
 * What importing a checked pack would do, per definition kind: added and changed definitions
 * listed, unchanged ones folded away, and the one button that applies it.
 */
export const PackPreview = ({
  name,
  preview,
  busy,
  onImport,
  onCancel,
}: {
  name: string;
  preview: PackImportPreview;
  busy: boolean;
  onImport: () => void;
  onCancel: () => void;
}) => {
  const { t } = useTranslation();
  const changes = changeCount(preview);
  const { added, changed, unchanged } = preview.summary;
  return (
    <section className="admin-card" aria-labelledby="pack-preview-title">
      <h2 id="pack-preview-title">
        {t("admin.packs.previewTitle", { title: preview.pack.title, version: preview.pack.version })}
      </h2>
      <p className="muted">{t("admin.packs.fromFile", { name })}</p>
      <p className="admin-summary" data-testid="pack-summary">
        {t("admin.packs.summary", {
          added: formatNumber(added),
          changed: formatNumber(changed),
          unchanged: formatNumber(unchanged),
        })}
      </p>
      {groupPreview(preview).map((group) => (
        <section key={group.kind} className="admin-kind" aria-labelledby={`pack-kind-${group.kind}`}>
          <h3 id={`pack-kind-${group.kind}`}>
            {t(`admin.kinds.${group.kind}`)}{" "}
            <span className="muted admin-kind__counts">
              {t("admin.packs.summary", {
                added: formatNumber(group.added.length),
                changed: formatNumber(group.changed.length),
                unchanged: formatNumber(group.unchanged.length),
              })}
            </span>
          </h3>
          {group.added.length > 0 && <EntryList entries={group.added} change="added" />}
          {group.changed.length > 0 && <EntryList entries={group.changed} change="changed" />}
          {group.unchanged.length > 0 && (
            <details>
              <summary>{t("admin.packs.showUnchanged", { count: group.unchanged.length })}</summary>
              <EntryList entries={group.unchanged} change="unchanged" />
            </details>
          )}
        </section>
      ))}
      <div className="admin-actions admin-actions--sticky">
        {changes === 0 ? (
          <p className="notice">{t("admin.packs.nothingToImport")}</p>
        ) : (
          <button type="button" className="button primary" disabled={busy} onClick={onImport}>
            {busy ? t("admin.packs.importing") : t("admin.packs.import", { count: changes })}
          </button>
        )}
        <button type="button" className="button" disabled={busy} onClick={onCancel}>
          {t("admin.packs.another")}
        </button>
      </div>
    </section>
  );
};
