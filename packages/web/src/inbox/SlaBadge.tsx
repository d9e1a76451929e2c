import { useTranslation } from "react-i18next";
import { formatDateTime } from "../ui/format.ts";
import type { MeasuredClock } from "./inbox-api.ts";
import { countdownParts, readSla } from "./sla-state.ts";
import { useNow } from "./use-now.ts";

/** The SLA countdown of a task: colour for a glance, words for everyone (state, time left or overdue). */
export const SlaBadge = ({ measured }: { measured: MeasuredClock | null }) => {
  const { t } = useTranslation();
  const now = useNow();
  const reading = readSla(measured, now);
  if (measured === null || reading.state === "none") {
    return <span className="sla-badge sla-badge--none">{t("inbox.sla.noDue")}</span>;
  }
  const clock = t(`inbox.sla.clock.${measured.clock}`);
  const title =
    measured.dueAt === null
      ? t("inbox.sla.measuredPaused", { clock })
      : t("inbox.sla.measured", { clock, due: formatDateTime(measured.dueAt) });
  const time =
    reading.remainingMs === undefined
      ? ""
      : countdownParts(reading.remainingMs, { days: reading.state !== "paused" })
          .map((part) => t(`inbox.sla.unit.${part.unit}`, { count: part.value }))
          .join(" ");
  const words =
    time === ""
      ? ""
      : (reading.remainingMs ?? 0) <= 0
        ? t("inbox.sla.overdue", { time })
        : reading.state === "paused"
          ? t("inbox.sla.pausedLeft", { time })
          : t("inbox.sla.left", { time });
  return (
    <span className={`sla-badge sla-badge--${reading.state}`} title={title}>
      <span className="sla-badge__state">{t(`inbox.sla.state.${reading.state}`)}</span>
      {words !== "" && (
        <span className="sla-badge__time">
          <span className="visually-hidden"> · </span>
          {words}
        </span>
      )}
      <span className="visually-hidden"> ({title})</span>
    </span>
  );
};
