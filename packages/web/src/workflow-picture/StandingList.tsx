import { useTranslation } from "react-i18next";
import { formatNumber } from "../ui/format.ts";
import type { StandingLine } from "./picture-marks.ts";

/**
 * The picture in words: each step that matters now, how many wait there, where the instance
 * stands. With `onCountPick` each count is a button that picks its step (the keyboard's way
 * to what the canvas badges do).
 */
export const StandingList = ({
  lines,
  emptyText,
  onCountPick,
  pickedStep,
}: {
  lines: readonly StandingLine[];
  emptyText: string;
  onCountPick?: (nodeId: string) => void;
  pickedStep?: string | undefined;
}) => {
  const { t } = useTranslation();
  if (lines.length === 0) return <p className="standing-list__empty">{emptyText}</p>;
  return (
    <ul className="standing-list" data-testid="standing-list">
      {lines.map((line) => {
        const count =
          line.count === undefined
            ? undefined
            : t("overlay.picture.waitingCount", { count: line.count, formatted: formatNumber(line.count) });
        return (
          <li key={line.nodeId} className={line.nodeId === pickedStep ? "is-picked" : undefined}>
            <span className="standing-list__name">{line.name}</span>
            {count === undefined ? null : onCountPick ? (
              <button
                type="button"
                className="standing-list__count standing-list__pick"
                aria-pressed={line.nodeId === pickedStep}
                onClick={() => onCountPick(line.nodeId)}
                data-testid={`standing-pick-${line.nodeId}`}
              >
                {count}
                <span className="visually-hidden">
                  {" "}
                  {t("overlay.picture.pickSuffix", { step: line.name })}
                </span>
              </button>
            ) : (
              <span className="standing-list__count">{count}</span>
            )}
            {line.current ? (
              <span className="standing-list__here">{t("overlay.picture.standsHere")}</span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
};
