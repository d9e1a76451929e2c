import { useTranslation } from "react-i18next";
import { formatDateTime } from "../ui/format.ts";
import { countdownParts, readSla } from "./sla-state.ts";
import { useNow } from "./use-now.ts";

/** The SLA countdown of a task: colour for a glance, words for everyone (state, time left or overdue). */
export const SlaBadge = ({ openedAt, dueAt }: { openedAt: string; dueAt: string | null }) => {
  const { t } = useTranslation();
  const now = useNow();
  const reading = readSla(openedAt, dueAt, now);
  if (reading.state === "none" || reading.remainingMs === undefined) {
    return <span className="sla-badge sla-badge--none">{t("inbox.sla.noDue")}</span>;
  }
  const time = countdownParts(reading.remainingMs)
    .map((part) => t(`inbox.sla.unit.${part.unit}`, { count: part.value }))
    .join(" ");
  return (
    <span className={`sla-badge sla-badge--${reading.state}`} title={formatDateTime(dueAt)}>
      <span className="sla-badge__state">{t(`inbox.sla.state.${reading.state}`)}</span>
      <span className="sla-badge__time">
        {reading.state === "breached" ? t("inbox.sla.overdue", { time }) : t("inbox.sla.left", { time })}
      </span>
    </span>
  );
};
