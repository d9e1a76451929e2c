import { useTranslation } from "react-i18next";
import { formatDateTime } from "../ui/format.ts";
import type { TimelineEntry, TimelineEvent } from "./request-timeline.ts";

const tone = (event: TimelineEvent): string => {
  switch (event.kind) {
    case "decided":
      return event.decision === "approved" ? "good" : "bad";
    case "completed":
    case "stepDone":
    case "problemSolved":
      return "good";
    case "cancelled":
    case "slaBreached":
    case "problem":
      return "bad";
    case "slaWarning":
    case "timerFired":
      return "warn";
    default:
      return "info";
  }
};

/** One sentence per entry, naming the step and whoever acted. */
const useDescribe = () => {
  const { t } = useTranslation();
  return (entry: TimelineEntry): { title: string; comment?: string | undefined } => {
    const event = entry.event;
    const actor = entry.actor ?? t("portal.timeline.system");
    switch (event.kind) {
      case "submitted":
        return { title: t("portal.timeline.submitted", { actor }) };
      case "assigned": {
        const who = event.user ?? event.group ?? "";
        const key = event.approval
          ? "portal.timeline.approvalAsked"
          : event.group
            ? "portal.timeline.assignedGroup"
            : "portal.timeline.assignedUser";
        return { title: t(key, { step: event.step, who }) };
      }
      case "claimed":
        return { title: t("portal.timeline.claimed", { step: event.step, actor }) };
      case "decided":
        return {
          title: t(`portal.timeline.${event.decision}`, { step: event.step, actor }),
          comment: event.comment,
        };
      case "delegated":
        return {
          title: t("portal.timeline.delegated", { step: event.step, actor, to: event.to }),
          comment: event.comment,
        };
      case "stepDone":
        return { title: t("portal.timeline.stepDone", { step: event.step, actor }) };
      case "timerFired":
        return { title: t("portal.timeline.timerFired", { step: event.step }) };
      case "slaWarning":
        return {
          title: t("portal.timeline.slaWarning", { clock: t(`portal.sla.${event.clock}`, event.clock) }),
        };
      case "slaBreached":
        return {
          title: t("portal.timeline.slaBreached", { clock: t(`portal.sla.${event.clock}`, event.clock) }),
        };
      case "problem":
        return { title: t("portal.timeline.problem", { step: event.step }) };
      case "problemSolved":
        return { title: t("portal.timeline.problemSolved", { step: event.step }) };
      case "completed":
        return { title: t("portal.timeline.completed") };
      case "cancelled":
        return { title: t("portal.timeline.cancelled", { actor }), comment: event.reason };
    }
  };
};

/** The request's history as a vertical timeline, oldest first. */
export const RequestTimeline = ({ entries }: { entries: readonly TimelineEntry[] }) => {
  const describe = useDescribe();
  return (
    <ol className="timeline">
      {entries.map((entry) => {
        const { title, comment } = describe(entry);
        return (
          <li key={entry.key} className={`timeline__entry timeline__entry--${tone(entry.event)}`}>
            <span className="timeline__dot" aria-hidden="true" />
            <div className="timeline__body">
              <p className="timeline__title">{title}</p>
              {comment ? <blockquote className="timeline__comment">{comment}</blockquote> : null}
              <time className="timeline__time" dateTime={entry.at}>
                {formatDateTime(entry.at)}
              </time>
            </div>
          </li>
        );
      })}
    </ol>
  );
};
