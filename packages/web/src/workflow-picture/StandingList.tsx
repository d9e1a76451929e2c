import { useTranslation } from "react-i18next";
import { formatNumber } from "../ui/format.ts";
import type { StandingLine } from "./picture-marks.ts";

/** The picture in words: each step that matters now, how many wait there, where the instance stands. */
export const StandingList = ({ lines, emptyText }: { lines: readonly StandingLine[]; emptyText: string }) => {
  const { t } = useTranslation();
  if (lines.length === 0) return <p className="standing-list__empty">{emptyText}</p>;
  return (
    <ul className="standing-list" data-testid="standing-list">
      {lines.map((line) => (
        <li key={line.nodeId}>
          <span className="standing-list__name">{line.name}</span>
          {line.count === undefined ? null : (
            <span className="standing-list__count">
              {t("overlay.picture.waitingCount", { count: line.count, formatted: formatNumber(line.count) })}
            </span>
          )}
          {line.current ? (
            <span className="standing-list__here">{t("overlay.picture.standsHere")}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
};
