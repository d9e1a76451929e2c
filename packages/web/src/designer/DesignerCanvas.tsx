import type { NodeRegistry, Problem, WorkflowDefinition } from "@flowdesk/core";
import {
  applyNodeChanges,
  Background,
  type Connection,
  ControlButton,
  Controls,
  type Edge,
  type EdgeChange,
  MarkerType,
  MiniMap,
  type Node,
  type NodeChange,
  ReactFlow,
  useReactFlow,
} from "@xyflow/react";
import {
  type DragEvent,
  memo,
  startTransition,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import { checkConnection } from "../core-bridge/core-rules.ts";
import {
  type CanvasEdge,
  type CanvasEdgeData,
  type CanvasNode,
  type CanvasNodeData,
  indexProblems,
  toCanvas,
} from "./model/canvas-mapping.ts";
import type { Selection } from "./model/designer-store.ts";
import type { Point } from "./model/layout-positions.ts";
import { nextOutcome } from "./model/new-edge.ts";
import { NODE_DRAG_TYPE } from "./Palette.tsx";
import { WorkflowNodeView } from "./WorkflowNodeView.tsx";

const NODE_TYPES = { workflowNode: WorkflowNodeView };
// React Flow copies every prop that changes into its store, waking all its subscribers:
// settings that never change are made once.
const MULTI_SELECTION_KEYS = ["Shift", "Meta", "Control"];
const FIT_VIEW_OPTIONS = { maxZoom: 1, padding: 0.2 };
const DEFAULT_VIEWPORT = { x: 0, y: 0, zoom: 1 };
const PRO_OPTIONS = { hideAttribution: true };
/** Above this many steps the overview map is off until the person turns it on. */
export const MINIMAP_STEP_LIMIT = 300;

interface DesignerCanvasProps {
  definition: WorkflowDefinition;
  registry: NodeRegistry;
  problems: readonly Problem[];
  /** The definition the problems were found on (default: `definition`); their pointers index into it. */
  problemsOf?: WorkflowDefinition | undefined;
  selection: Selection;
  readOnly?: boolean;
  status?: ReadonlyMap<string, "added" | "removed" | "changed">;
  onSelect?: (selection: Selection) => void;
  onMove?: (moves: { id: string; to: Point }[]) => void;
  onConnect?: (source: string, target: string) => void;
  onDropNode?: (type: string, at: Point) => void;
}

const sameProblems = (left: readonly Problem[], right: readonly Problem[]) =>
  left.length === right.length && left.every((problem, index) => problem.message === right[index]?.message);

const sameCanvasNode = (old: Node<CanvasNodeData>, next: CanvasNode): boolean =>
  old.data.node === next.data.node &&
  old.position.x === next.position.x &&
  old.position.y === next.position.y &&
  (old.selected ?? false) === (next.selected ?? false) &&
  old.data.status === next.data.status &&
  sameProblems(old.data.problems, next.data.problems);

const toFlowEdge = (edge: CanvasEdge): Edge => {
  const classes = ["wf-edge"];
  if (edge.data.problems.length > 0) classes.push("has-errors");
  if (edge.data.status) classes.push(`is-${edge.data.status}`);
  if (edge.data.edge.isDefault) classes.push("is-default");
  return {
    ...edge,
    type: "smoothstep",
    className: classes.join(" "),
    markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
    ariaLabel: edge.label,
  };
};

const sameCanvasEdge = (old: Edge, next: CanvasEdge): boolean => {
  const data = old.data as CanvasEdgeData;
  return (
    data.edge === next.data.edge &&
    old.label === next.label &&
    (old.selected ?? false) === (next.selected ?? false) &&
    data.status === next.data.status &&
    sameProblems(data.problems, next.data.problems)
  );
};

/** Keeps the very same object for an edge that did not change, so React Flow skips it. */
const toFlowEdges = (edges: readonly CanvasEdge[], previous: readonly Edge[]): Edge[] => {
  const before = new Map(previous.map((edge) => [edge.id, edge]));
  return edges.map((edge) => {
    const old = before.get(edge.id);
    return old && sameCanvasEdge(old, edge) ? old : toFlowEdge(edge);
  });
};

/** Keeps what React Flow measured, and the very same object for a node that did not change. */
const mergeNodes = (previous: readonly Node<CanvasNodeData>[], next: readonly CanvasNode[]) => {
  const before = new Map(previous.map((node) => [node.id, node]));
  return next.map((node): Node<CanvasNodeData> => {
    const old = before.get(node.id);
    if (!old) return node;
    if (sameCanvasNode(old, node)) return old;
    return old.measured ? { ...node, measured: old.measured } : node;
  });
};

/**
 * React Flow bound to the definition. The canvas keeps its own copy of nodes only for
 * what React Flow measures and for positions while dragging; every lasting change goes
 * back as a command through the callbacks.
 */
/** Renders again only when its props change: new problems alone do not redraw 1,000 steps. */
export const DesignerCanvas = memo(function DesignerCanvas({
  definition,
  registry,
  problems,
  problemsOf,
  selection,
  readOnly = false,
  status,
  onSelect,
  onMove,
  onConnect,
  onDropNode,
}: DesignerCanvasProps) {
  const { t } = useTranslation();
  const flow = useReactFlow();
  const canvas = useMemo(
    () =>
      toCanvas(definition, {
        problems: indexProblems(problemsOf ?? definition, problems),
        selectedNodes: new Set(selection.nodes),
        selectedEdges: new Set(selection.edges),
        ...(status ? { status } : {}),
        defaultWord: t("designer.defaultWord"),
      }),
    [definition, problems, problemsOf, selection, status, t],
  );
  const [nodes, setNodes] = useState<Node<CanvasNodeData>[]>(canvas.nodes);
  useEffect(() => {
    // Keep what React Flow measured, and the very same object for a node that did not
    // change, so only changed nodes render again (1,000-step workflows stay fluid).
    // As a transition: this second canvas pass over 1,000 nodes yields to more urgent
    // work (the worker's findings for the problems panel, the next key press).
    startTransition(() => setNodes((previous) => mergeNodes(previous, canvas.nodes)));
  }, [canvas.nodes]);
  const edgesRef = useRef<Edge[]>([]);
  const edges = useMemo(() => toFlowEdges(canvas.edges, edgesRef.current), [canvas.edges]);
  edgesRef.current = edges;
  // Fit only what is there when the canvas opens: fitting an empty canvas would zoom in
  // on the first dropped step.
  const [fitOnOpen] = useState(() => definition.nodes.length > 0);
  // The overview map redraws every step on every edit (about 40 ms at 1,000 steps), so
  // on large workflows it waits until asked for.
  const [miniMapChoice, setMiniMapChoice] = useState<boolean | undefined>();
  const miniMapShown = miniMapChoice ?? definition.nodes.length <= MINIMAP_STEP_LIMIT;
  const nodesRef = useRef(nodes);
  nodesRef.current = nodes;

  const reportSelection = useCallback(
    (nextNodes: Node[], nextEdges: { id: string; selected?: boolean }[]) =>
      onSelect?.({
        nodes: nextNodes.filter((node) => node.selected).map((node) => node.id),
        edges: nextEdges.filter((edge) => edge.selected).map((edge) => edge.id),
      }),
    [onSelect],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<Node<CanvasNodeData>>[]) => {
      const next = applyNodeChanges(changes, nodesRef.current);
      nodesRef.current = next;
      setNodes(next);
      const finished = changes.filter((change) => change.type === "position" && change.dragging === false);
      if (finished.length > 0) {
        onMove?.(
          finished.flatMap((change) => {
            const node = next.find((candidate) => candidate.id === (change as { id: string }).id);
            return node
              ? [{ id: node.id, to: { x: Math.round(node.position.x), y: Math.round(node.position.y) } }]
              : [];
          }),
        );
      }
      if (changes.some((change) => change.type === "select")) reportSelection(next, edges);
    },
    [edges, onMove, reportSelection],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      if (!changes.some((change) => change.type === "select")) return;
      const selected = new Map(
        changes.flatMap((change) =>
          change.type === "select" ? [[change.id, change.selected] as const] : [],
        ),
      );
      reportSelection(
        nodesRef.current,
        edges.map((edge) => ({ id: edge.id, selected: selected.get(edge.id) ?? edge.selected ?? false })),
      );
    },
    [edges, reportSelection],
  );

  const isValidConnection = useCallback(
    (connection: Connection | Edge) =>
      checkConnection(
        definition,
        connection.source,
        connection.target,
        nextOutcome(definition, registry, connection.source),
        registry,
      ).allowed,
    [definition, registry],
  );

  const onDrop = (event: DragEvent) => {
    const type = event.dataTransfer.getData(NODE_DRAG_TYPE);
    if (!type || !onDropNode) return;
    event.preventDefault();
    const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    onDropNode(type, { x: Math.round(at.x - 90), y: Math.round(at.y - 32) });
  };

  return (
    <section className="canvas" aria-label={t("designer.canvas")}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={(connection) => onConnect?.(connection.source, connection.target)}
        isValidConnection={isValidConnection}
        onDragOver={(event) => {
          if (event.dataTransfer.types.includes(NODE_DRAG_TYPE)) {
            event.preventDefault();
            event.dataTransfer.dropEffect = "copy";
          }
        }}
        onDrop={onDrop}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        deleteKeyCode={null}
        multiSelectionKeyCode={MULTI_SELECTION_KEYS}
        selectionKeyCode="Shift"
        fitView={fitOnOpen}
        fitViewOptions={FIT_VIEW_OPTIONS}
        defaultViewport={DEFAULT_VIEWPORT}
        minZoom={0.1}
        maxZoom={2}
        onlyRenderVisibleElements
        proOptions={PRO_OPTIONS}
      >
        <Background gap={16} />
        {readOnly || !miniMapShown ? null : (
          <MiniMap
            pannable
            zoomable
            ariaLabel={t("designer.minimap")}
            nodeColor="#9aa2ae"
            maskColor="rgb(238 240 243 / 0.7)"
          />
        )}
        <Controls showInteractive={false} aria-label={t("designer.zoomControls")}>
          {readOnly ? null : (
            <ControlButton
              onClick={() => setMiniMapChoice(!miniMapShown)}
              aria-pressed={miniMapShown}
              aria-label={t("designer.toggleMinimap")}
              title={t("designer.toggleMinimap")}
            >
              <svg viewBox="0 0 16 16" aria-hidden="true">
                <rect x="1.5" y="3.5" width="13" height="9" fill="none" stroke="currentColor" />
                <rect x="8" y="7" width="5" height="4" fill="currentColor" />
              </svg>
            </ControlButton>
          )}
        </Controls>
      </ReactFlow>
    </section>
  );
});
