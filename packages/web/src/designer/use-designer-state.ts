import type { NodeRegistry, Problem, WorkflowDefinition } from "@flowdesk/core";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { LiveValidation } from "./live-validation.ts";
import type { DesignerState, DesignerStore } from "./model/designer-store.ts";

export const useDesignerState = (store: DesignerStore): DesignerState =>
  useSyncExternalStore(store.subscribe, store.getState);

export interface LiveProblems {
  problems: Problem[];
  /** The shown problems belong to an older version of the definition. */
  checking: boolean;
}

/** Problems of the definition being drawn, checked shortly after the last edit. */
export const useLiveProblems = (
  definition: WorkflowDefinition,
  registry: NodeRegistry,
  delayMs = 30,
): LiveProblems => {
  const [result, setResult] = useState<{ problems: Problem[]; of: WorkflowDefinition | undefined }>({
    problems: [],
    of: undefined,
  });
  const validation = useRef<LiveValidation | undefined>(undefined);

  useEffect(() => {
    const live = new LiveValidation(registry, (problems, of) => setResult({ problems, of }));
    validation.current = live;
    return () => live.dispose();
  }, [registry]);

  useEffect(() => {
    const timer = setTimeout(() => validation.current?.check(definition), delayMs);
    return () => clearTimeout(timer);
  }, [definition, delayMs]);

  return { problems: result.problems, checking: result.of !== definition };
};
