import { clockStanding, type SlaClock, type SlaClockName, type SlaState } from "@flowdesk/core";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatNumber, formatRelative } from "../ui/format.ts";
import { InstanceCard } from "./InstanceCard.tsx";

const CLOCKS: SlaClockName[] = ["response", "resolution"];

/** A clock's span in the unit a person reads it in: minutes under an hour, else hours. */
const useSpan = () => {
  const { t } = useTranslation();
  return (ms: number) =>
    ms < 3_600_000
      ? t("instance.sla.minutes", { amount: formatNumber(Math.round(ms / 60_000)) })
      : t("instance.sla.hours", { amount: formatNumber(Math.round((ms / 3_600_000) * 10) / 10) });
};

/** The SLA clocks: target, time used, when due, and where each stands (core's one vocabulary). */
export const InstanceSla = ({ sla }: { sla: SlaState | null }) => {
  const { t } = useTranslation();
  return (
    <InstanceCard
      part="sla"
      title={t("instance.sla.title")}
      emptyText={sla === null ? t("instance.sla.none") : undefined}
    >
      {sla !== null && (
        <>
          <p className="instance-card__hint">{t("instance.sla.priority", { priority: sla.priority })}</p>
          <dl className="sla-clocks">
            {CLOCKS.map((name) => (
              <ClockLine key={name} name={name} clock={sla.clocks[name]} />
            ))}
          </dl>
        </>
      )}
    </InstanceCard>
  );
};

const ClockLine = ({ name, clock }: { name: SlaClockName; clock: SlaClock }) => {
  const { t } = useTranslation();
  const span = useSpan();
  const standing = clockStanding(clock, Date.now());
  return (
    <div className={`sla-clock sla-clock--${standing}`}>
      <dt>{t(`instance.sla.clock.${name}`)}</dt>
      <dd>
        <span className={`status-pill status-pill--${standing}`}>{t(`instance.sla.state.${standing}`)}</span>{" "}
        {t("instance.sla.target", { span: span(clock.targetMs) })}
        {clock.status === "running" && clock.dueAt
          ? ` · ${t("instance.sla.due", { at: formatDateTime(clock.dueAt), relative: formatRelative(clock.dueAt, Date.now()) })}`
          : ` · ${t("instance.sla.used", { span: span(clock.consumedMs) })}`}
      </dd>
    </div>
  );
};
