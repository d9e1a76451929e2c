import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import { useTranslation } from "react-i18next";
import type { CanvasNodeData } from "../designer/model/canvas-mapping.ts";
import { WorkflowNodeView } from "../designer/WorkflowNodeView.tsx";
import type { NodeMark } from "./picture-marks.ts";

export interface PictureNodeData extends CanvasNodeData {
  mark: NodeMark;
  /** The count's step is the one picked (the live list shows only its instances). */
  picked?: boolean;
  onCountPick?: (nodeId: string) => void;
}

/** The designer's step, drawn as it is, with the marks of the live picture around it. */
export const PictureNodeView = memo((props: NodeProps & { data: PictureNodeData }) => {
  const { t } = useTranslation();
  const { mark, picked, onCountPick } = props.data;
  const classes = ["wf-picture-node", mark.visited ? "is-visited" : "", mark.current ? "is-current" : ""];
  return (
    <div className={classes.filter(Boolean).join(" ")} data-testid={`picture-node-${props.id}`}>
      <WorkflowNodeView {...props} selected={false} />
      {mark.count === undefined ? null : onCountPick ? (
        <button
          type="button"
          className="wf-picture-node__count nodrag nopan"
          data-testid={`count-${props.id}`}
          aria-pressed={picked === true}
          aria-label={t("overlay.picture.pickCount", {
            count: mark.count,
            step: props.data.node.name || props.id,
          })}
          onClick={(event) => {
            event.stopPropagation();
            onCountPick(props.id);
          }}
        >
          {mark.count}
        </button>
      ) : (
        <span className="wf-picture-node__count" data-testid={`count-${props.id}`}>
          {mark.count}
          <span className="visually-hidden">{t("overlay.picture.waitingHere", { count: mark.count })}</span>
        </span>
      )}
      {mark.current ? <span className="wf-picture-node__here">{t("overlay.picture.standsHere")}</span> : null}
    </div>
  );
});
