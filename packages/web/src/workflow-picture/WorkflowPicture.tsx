import type { WorkflowDefinition } from "@flowdesk/core";
import {
  Background,
  Controls,
  type Edge,
  MarkerType,
  type Node,
  ReactFlow,
  ReactFlowProvider,
} from "@xyflow/react";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { computeLayout } from "../designer/model/auto-layout.ts";
import { toCanvas } from "../designer/model/canvas-mapping.ts";
import { withPositions } from "../designer/model/layout-positions.ts";
import { isPhone, PhoneOpening } from "./PhoneOpening.tsx";
import { type PictureNodeData, PictureNodeView } from "./PictureNodeView.tsx";
import { focusNodes, pictureMarks, type TakenPath, whereItStands } from "./picture-marks.ts";
import { StandingList } from "./StandingList.tsx";

const NODE_TYPES = { pictureNode: PictureNodeView };

export interface WorkflowPictureProps {
  definition: WorkflowDefinition;
  /** The published version drawn: a new version fits the view again. */
  version: number;
  /** Names the picture for assistive technology, e.g. "Incident management, version 3". */
  label: string;
  /** Node id -> how many instances wait there (the live view's badges). */
  counts?: Readonly<Record<string, number>>;
  /** The steps and edges one instance went through. */
  path?: TakenPath;
  /** Steps the instance waits at now. */
  current?: readonly string[];
  /** Said in the text alternative when nothing is marked. */
  emptyText?: string;
  /** Makes each count a button (on the canvas and in the text alternative) that picks its step. */
  onCountPick?: (nodeId: string) => void;
  /** The step picked through its count, shown pressed. */
  pickedStep?: string | undefined;
}

/** A definition without positions for every step gets them from the designer's auto-layout. */
const useLaidOut = (definition: WorkflowDefinition): WorkflowDefinition => {
  const complete = definition.nodes.every((node) => definition.layout?.nodes[node.id] !== undefined);
  const [laidOut, setLaidOut] = useState<WorkflowDefinition>(definition);
  useEffect(() => {
    setLaidOut(definition);
    if (complete) return;
    let current = true;
    computeLayout(definition)
      .then((layout) => {
        if (current) setLaidOut(withPositions(definition, layout.nodes));
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [definition, complete]);
  return laidOut;
};

/**
 * A read-only picture of a published workflow version: the designer's canvas mapping and
 * step rendering, with counts, the path taken and the current position marked. Pan, zoom
 * and fit work; nothing can be edited. Beside it, a list says in words where things stand.
 */
export const WorkflowPicture = ({
  definition,
  version,
  label,
  counts,
  path,
  current,
  emptyText,
  onCountPick,
  pickedStep,
}: WorkflowPictureProps) => {
  const { t } = useTranslation();
  const shown = useLaidOut(definition);
  const marks = useMemo(
    () =>
      pictureMarks(shown, {
        ...(counts ? { counts } : {}),
        ...(path ? { path } : {}),
        ...(current ? { current } : {}),
      }),
    [shown, counts, path, current],
  );
  const { nodes, edges } = useMemo(() => {
    const canvas = toCanvas(shown, { defaultWord: t("designer.defaultWord") });
    const pictureNodes: Node<PictureNodeData>[] = canvas.nodes.map((node) => ({
      id: node.id,
      type: "pictureNode",
      position: node.position,
      data: {
        ...node.data,
        mark: marks.nodes.get(node.id) ?? { visited: false, current: false },
        picked: node.id === pickedStep,
        ...(onCountPick ? { onCountPick } : {}),
      },
    }));
    const pictureEdges: Edge[] = canvas.edges.map((edge) => ({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      ...(edge.label ? { label: edge.label } : {}),
      type: "smoothstep",
      className: marks.edges.has(edge.id) ? "wf-edge is-taken" : "wf-edge",
      markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
      focusable: false,
    }));
    return { nodes: pictureNodes, edges: pictureEdges };
  }, [shown, marks, t, pickedStep, onCountPick]);
  const lines = useMemo(() => whereItStands(shown, marks), [shown, marks]);
  // The view zooms to what matters when it opens: a new version, a laid-out picture or a
  // new current position open it afresh; a live count does not (that would move the view
  // under the reader's hand).
  const currentKey = (current ?? []).join(",");
  const opening = `${definition.id}@${version}:${shown === definition ? "stored" : "laid-out"}:${currentKey}`;
  const focus = useMemo(() => focusNodes(shown, marks), [shown, marks]);
  const [fitOptions, setFitOptions] = useState({ opening, focus, phone: isPhone() });
  if (fitOptions.opening !== opening) setFitOptions({ opening, focus, phone: isPhone() });
  return (
    <figure className="workflow-picture" aria-label={label}>
      <div className="workflow-picture__canvas" data-testid="workflow-picture">
        <ReactFlowProvider>
          <ReactFlow
            key={fitOptions.opening}
            nodes={nodes}
            edges={edges}
            nodeTypes={NODE_TYPES}
            nodesDraggable={false}
            nodesConnectable={false}
            nodesFocusable={false}
            edgesFocusable={false}
            elementsSelectable={false}
            deleteKeyCode={null}
            fitView={!fitOptions.phone}
            fitViewOptions={{
              ...(fitOptions.focus.length > 0 ? { nodes: fitOptions.focus.map((id) => ({ id })) } : {}),
              padding: 0.2,
              maxZoom: 1,
            }}
            minZoom={0.1}
            maxZoom={2}
            proOptions={{ hideAttribution: true }}
          >
            {fitOptions.phone ? <PhoneOpening focus={fitOptions.focus} /> : null}
            <Background gap={16} />
            <Controls showInteractive={false} aria-label={t("overlay.picture.zoomControls")} />
          </ReactFlow>
        </ReactFlowProvider>
      </div>
      <p className="workflow-picture__hint">{t("overlay.picture.panHint")}</p>
      <figcaption className="workflow-picture__caption">
        <StandingList
          lines={lines}
          emptyText={emptyText ?? t("overlay.picture.nothingMarked")}
          {...(onCountPick ? { onCountPick } : {})}
          pickedStep={pickedStep}
        />
      </figcaption>
    </figure>
  );
};
