import type { NodeRegistry, Problem, WorkflowDefinition } from "@flowdesk/core";
import { useEffect, useState, useSyncExternalStore } from "react";
import { validateWorkflow } from "../core-bridge/core-rules.ts";
import type { DesignerState, DesignerStore } from "./model/designer-store.ts";

export const useDesignerState = (store: DesignerStore): DesignerState =>
  useSyncExternalStore(store.subscribe, store.getState);

/** Problems of the definition being drawn, recomputed shortly after the last edit. */
export const useLiveProblems = (
  definition: WorkflowDefinition,
  registry: NodeRegistry,
  delayMs = 120,
): Problem[] => {
  const [problems, setProblems] = useState<Problem[]>(() => validateWorkflow(definition, registry));
  useEffect(() => {
    const timer = setTimeout(() => setProblems(validateWorkflow(definition, registry)), delayMs);
    return () => clearTimeout(timer);
  }, [definition, registry, delayMs]);
  return problems;
};
