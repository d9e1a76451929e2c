import { hasErrors, type Problem, type WorkflowDefinition } from "@flowdesk/core";
import { nodeRegistry, paletteGroups } from "@flowdesk/nodes/descriptors";
import { ReactFlowProvider, useReactFlow } from "@xyflow/react";
import { useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/api-client.ts";
import { ApiError } from "../api/api-error.ts";
import type { Notice } from "../api/use-draft.ts";
import { routeHref } from "../app/hash-route.ts";
import { refusalText } from "../ui/problem-text.ts";
import { DesignerCanvas } from "./DesignerCanvas.tsx";
import { DesignerToolbar } from "./DesignerToolbar.tsx";
import { EdgePanel } from "./EdgePanel.tsx";
import { downloadJson, readJsonFile } from "./file-transfer.ts";
import { computeLayout } from "./model/auto-layout.ts";
import { problemsAbout } from "./model/canvas-mapping.ts";
import { copyFragment, rekeyFragment } from "./model/clipboard.ts";
import { addEdge, configureEdge } from "./model/commands/edge-commands.ts";
import { addNode, configureNode, moveNodes } from "./model/commands/node-commands.ts";
import {
  applyLayout,
  configureWorkflow,
  pasteFragment,
  removeSelection,
  type WorkflowFragment,
} from "./model/commands/selection-commands.ts";
import { DesignerStore, type Selection } from "./model/designer-store.ts";
import { createEdge } from "./model/new-edge.ts";
import { createNode, emptyWorkflow } from "./model/new-node.ts";
import { NodePanel } from "./NodePanel.tsx";
import { Palette } from "./Palette.tsx";
import { ProblemsPanel } from "./ProblemsPanel.tsx";
import { useDesignerShortcuts } from "./use-designer-shortcuts.ts";
import { useDesignerState, useLiveProblems } from "./use-designer-state.ts";
import { useRelatedDefinitions } from "./use-related-definitions.ts";
import { useWorkingCopy } from "./use-working-copy.ts";
import { VersionsDialog } from "./VersionsDialog.tsx";
import { prepareValidationWorker } from "./validation-worker-slot.ts";
import { WorkflowPanel } from "./WorkflowPanel.tsx";

const isWorkflow = (value: unknown): value is WorkflowDefinition =>
  typeof value === "object" &&
  value !== null &&
  (value as { kind?: unknown }).kind === "workflow" &&
  Array.isArray((value as { nodes?: unknown }).nodes) &&
  Array.isArray((value as { edges?: unknown }).edges);

/** The workflow designer screen: loads the draft (else the newest version), then hands it to the editor. */
export const WorkflowDesigner = ({ workflowId }: { workflowId: string }) => {
  const { t } = useTranslation();
  // The validator gets ready while the workflow loads.
  useEffect(prepareValidationWorker, []);
  const { value: store, failed } = useWorkingCopy<WorkflowDefinition, DesignerStore>(
    "workflows",
    workflowId,
    (definition) => new DesignerStore(definition ?? emptyWorkflow(workflowId, workflowId)),
  );
  if (failed) return <p role="alert">{t("designer.loadFailed")}</p>;
  if (!store) return <p aria-live="polite">{t("common.loading")}</p>;
  return (
    <ReactFlowProvider>
      <WorkflowEditor store={store} workflowId={workflowId} />
    </ReactFlowProvider>
  );
};

const WorkflowEditor = ({ store, workflowId }: { store: DesignerStore; workflowId: string }) => {
  const { t } = useTranslation();
  const flow = useReactFlow();
  const state = useDesignerState(store);
  const { definition, selection } = state;
  const related = useRelatedDefinitions(definition);
  const { problems, checking, checked } = useLiveProblems(store, nodeRegistry, related);
  // New findings mark the steps after the problems panel has shown them: re-marking
  // 1,000 steps must not hold up the list the person is reading. They travel with the
  // definition they were found on, so the marks land on the right steps even when the
  // canvas already shows a newer edit. (Edits themselves reach the canvas at once:
  // deferring those made React Flow redraw later and slowed the panel too, measured.)
  const marked = useDeferredValue(useMemo(() => ({ problems, of: checked }), [problems, checked]));
  const [serverProblems, setServerProblems] = useState<Problem[]>([]);
  const [notice, setNotice] = useState<Notice | undefined>();
  const [busy, setBusy] = useState(false);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const clipboard = useRef<WorkflowFragment | undefined>(undefined);
  const importInput = useRef<HTMLInputElement>(null);

  const insertNode = (type: string, at?: { x: number; y: number }) => {
    const node = createNode(
      definition,
      nodeRegistry,
      type,
      t(`nodeTypes.${type}`, { defaultValue: nodeRegistry[type]?.label }),
    );
    const center = () => {
      const bounds = document.querySelector(".canvas")?.getBoundingClientRect();
      const point = bounds
        ? flow.screenToFlowPosition({ x: bounds.left + bounds.width / 2, y: bounds.top + bounds.height / 2 })
        : { x: 0, y: 0 };
      return { x: Math.round(point.x - 90), y: Math.round(point.y - 32) };
    };
    store.dispatch(addNode(node, at ?? center()), { nodes: [node.id], edges: [] });
    if (!at) setNotice({ tone: "info", text: t("designer.inserted", { name: node.name }) });
  };

  const saveRef = useRef<() => Promise<boolean>>(async () => false);
  const shortcuts = useMemo(
    () => ({
      undo: () => store.undo(),
      redo: () => store.redo(),
      copy: () => {
        const current = store.getState();
        if (current.selection.nodes.length === 0) return;
        clipboard.current = copyFragment(current.definition, current.selection.nodes);
      },
      paste: () => {
        const current = store.getState();
        if (!clipboard.current) return;
        const fragment = rekeyFragment(current.definition, clipboard.current);
        store.dispatch(pasteFragment(fragment), {
          nodes: fragment.nodes.map((node) => node.id),
          edges: fragment.edges.map((edge) => edge.id),
        });
        clipboard.current = fragment;
      },
      remove: () => {
        const current = store.getState();
        const { nodes, edges } = current.selection;
        if (nodes.length + edges.length === 0) return;
        store.dispatch(removeSelection(current.definition, nodes, edges), { nodes: [], edges: [] });
      },
      selectAll: () => {
        const current = store.getState().definition;
        store.select({
          nodes: current.nodes.map((node) => node.id),
          edges: current.edges.map((edge) => edge.id),
        });
      },
      // Through a ref: save closes over this render's state, the shortcuts live longer.
      save: () => void saveRef.current(),
    }),
    [store],
  );
  useDesignerShortcuts(shortcuts);

  const save = async (): Promise<boolean> => {
    setBusy(true);
    try {
      const answer = await api.saveDraft("workflows", workflowId, store.getState().definition);
      setServerProblems(answer.problems);
      store.markSaved();
      setNotice({ tone: "success", text: t("designer.saved") });
      return true;
    } catch (error) {
      setNotice({ tone: "error", text: t("designer.saveFailed", { reason: refusalText(t, error) }) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  saveRef.current = save;

  const publish = async () => {
    if (!(await save())) return;
    setBusy(true);
    try {
      const published = await api.publish("workflows", workflowId);
      setNotice({ tone: "success", text: t("designer.published", { version: published.version }) });
    } catch (error) {
      if (error instanceof ApiError) setServerProblems(error.problems);
      setNotice({ tone: "error", text: t("designer.publishFailed", { reason: refusalText(t, error) }) });
    } finally {
      setBusy(false);
    }
  };

  const autoLayout = async () => {
    const layout = await computeLayout(store.getState().definition);
    store.dispatch(applyLayout(store.getState().definition, layout));
    requestAnimationFrame(() => void flow.fitView({ padding: 0.2 }));
  };

  const importFile = async (file: File) => {
    try {
      const imported = await readJsonFile(file);
      if (!isWorkflow(imported)) throw new Error(t("designer.notAWorkflow"));
      store.replace({ ...imported, id: workflowId }, true);
      setNotice({ tone: "success", text: t("designer.imported", { file: file.name }) });
      requestAnimationFrame(() => void flow.fitView({ padding: 0.2 }));
    } catch (error) {
      setNotice({ tone: "error", text: t("designer.importFailed", { reason: (error as Error).message }) });
    }
  };

  // The canvas gets the same callbacks on every render (they read the newest state
  // through a ref), so a render that only brings new problems leaves it alone.
  const canvasHandlers = useRef({
    onSelect: (next: Selection) => store.select(next),
    onMove: (moves: { id: string; to: { x: number; y: number } }[]) =>
      store.dispatch(
        moveNodes(
          moves.map((move) => ({ ...move, from: store.getState().definition.layout?.nodes[move.id] })),
        ),
      ),
    onConnect: (source: string, target: string) => {
      const edge = createEdge(store.getState().definition, nodeRegistry, source, target);
      store.dispatch(addEdge(edge), { nodes: [], edges: [edge.id] });
    },
    onDropNode: (type: string, at?: { x: number; y: number }) => insertNode(type, at),
  });
  canvasHandlers.current.onDropNode = (type, at) => insertNode(type, at);
  const canvasEvents = useMemo(
    () => ({
      onSelect: (next: Selection) => canvasHandlers.current.onSelect(next),
      onMove: (moves: { id: string; to: { x: number; y: number } }[]) => canvasHandlers.current.onMove(moves),
      onConnect: (source: string, target: string) => canvasHandlers.current.onConnect(source, target),
      onDropNode: (type: string, at: { x: number; y: number }) => canvasHandlers.current.onDropNode(type, at),
      onInsert: (type: string) => canvasHandlers.current.onDropNode(type),
    }),
    [],
  );

  const focusOn = (target: { kind: "node" | "edge"; id: string }) => {
    store.select(
      target.kind === "node" ? { nodes: [target.id], edges: [] } : { nodes: [], edges: [target.id] },
    );
    const nodeId =
      target.kind === "node" ? target.id : definition.edges.find((edge) => edge.id === target.id)?.source;
    const internal = nodeId ? flow.getNode(nodeId) : undefined;
    if (internal) void flow.setCenter(internal.position.x + 90, internal.position.y + 32, { zoom: 1 });
  };

  const selectedNode =
    selection.nodes.length === 1 && selection.edges.length === 0
      ? definition.nodes.find((node) => node.id === selection.nodes[0])
      : undefined;
  const selectedEdge =
    selection.edges.length === 1 && selection.nodes.length === 0
      ? definition.edges.find((edge) => edge.id === selection.edges[0])
      : undefined;
  // Only the inspected step's or connection's problems: indexing all of them on every
  // check would slow down the render that shows the check.
  const inspectedKind = selectedNode ? "node" : selectedEdge ? "edge" : undefined;
  const inspectedId = selectedNode?.id ?? selectedEdge?.id;
  const inspectedProblems = useMemo(
    () =>
      inspectedKind && inspectedId
        ? problemsAbout(checked ?? definition, problems, { kind: inspectedKind, id: inspectedId })
        : [],
    [checked, definition, problems, inspectedKind, inspectedId],
  );
  const allProblems = problems.length > 0 || serverProblems.length === 0 ? problems : serverProblems;
  const blocked = checking || hasErrors(problems);

  return (
    <div className="designer">
      <DesignerToolbar
        title={definition.title}
        liveHref={routeHref({ screen: "live", id: workflowId })}
        state={state}
        busy={busy}
        publishBlocked={blocked}
        notice={notice}
        onUndo={() => store.undo()}
        onRedo={() => store.redo()}
        onLayout={() => void autoLayout()}
        onFit={() => void flow.fitView({ padding: 0.2, duration: 200 })}
        onSave={() => void save()}
        onPublish={() => void publish()}
        onVersions={() => setVersionsOpen(true)}
        onExport={() => downloadJson(`${workflowId}.workflow.json`, store.getState().definition)}
        onImport={() => importInput.current?.click()}
      />
      <input
        ref={importInput}
        type="file"
        accept="application/json,.json"
        hidden
        aria-hidden="true"
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void importFile(file);
          event.target.value = "";
        }}
      />
      <Palette registry={nodeRegistry} groups={paletteGroups} onInsert={canvasEvents.onInsert} />
      <DesignerCanvas
        definition={definition}
        registry={nodeRegistry}
        problems={marked.problems}
        problemsOf={marked.of}
        selection={selection}
        onSelect={canvasEvents.onSelect}
        onMove={canvasEvents.onMove}
        onConnect={canvasEvents.onConnect}
        onDropNode={canvasEvents.onDropNode}
      />
      <aside className="inspector" aria-label={t("designer.inspector")}>
        {selectedNode ? (
          <NodePanel
            node={selectedNode}
            registry={nodeRegistry}
            problems={inspectedProblems}
            onChange={(settings) =>
              store.dispatch(configureNode(store.getState().definition, selectedNode.id, settings))
            }
          />
        ) : selectedEdge ? (
          <EdgePanel
            edge={selectedEdge}
            definition={definition}
            registry={nodeRegistry}
            problems={inspectedProblems}
            onChange={(settings) =>
              store.dispatch(configureEdge(store.getState().definition, selectedEdge.id, settings))
            }
          />
        ) : selection.nodes.length + selection.edges.length > 1 ? (
          <section className="side-panel">
            <h2 className="panel-title">
              {t("designer.multiSelection", { count: selection.nodes.length + selection.edges.length })}
            </h2>
            <p className="field-hint">{t("designer.multiSelectionHint")}</p>
          </section>
        ) : (
          <WorkflowPanel
            definition={definition}
            onChange={(settings) => store.dispatch(configureWorkflow(store.getState().definition, settings))}
          />
        )}
      </aside>
      <ProblemsPanel definition={definition} problems={allProblems} checking={checking} onSelect={focusOn} />
      {versionsOpen ? (
        <VersionsDialog
          workflowId={workflowId}
          registry={nodeRegistry}
          onClose={() => setVersionsOpen(false)}
          onOpenVersion={(version) => {
            store.replace({ ...version, id: workflowId }, true);
            setVersionsOpen(false);
          }}
        />
      ) : null}
    </div>
  );
};
