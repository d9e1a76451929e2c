import type { NodeRegistry, Problem, WorkflowDefinition } from "@flowdesk/core";
import { useEffect, useState, useSyncExternalStore } from "react";
import { LiveValidation } from "./live-validation.ts";
import type { DesignerState, DesignerStore } from "./model/designer-store.ts";

export const useDesignerState = (store: DesignerStore): DesignerState =>
  useSyncExternalStore(store.subscribe, store.getState);

export interface LiveProblems {
  problems: Problem[];
  /** The shown problems belong to an older version of the definition. */
  checking: boolean;
  /** The definition the problems were found on: their pointers index into it. */
  checked: WorkflowDefinition | undefined;
}

/**
 * Problems of the definition being drawn, checked as soon as the store changes, while
 * React still renders the edit (the worker runs one check at a time and skips to the
 * newest definition, so fast typing coalesces by itself). `related` are the definitions
 * it refers to; while they load (`undefined`) nothing is checked, so warnings they would
 * answer never flash up.
 */
export const useLiveProblems = (
  store: DesignerStore,
  registry: NodeRegistry,
  related: readonly unknown[] | null | undefined = null,
): LiveProblems => {
  const definition = useSyncExternalStore(store.subscribe, () => store.getState().definition);
  const [result, setResult] = useState<{ problems: Problem[]; of: WorkflowDefinition | undefined }>({
    problems: [],
    of: undefined,
  });
  const [validation, setValidation] = useState<LiveValidation | undefined>();

  useEffect(() => {
    const live = new LiveValidation(registry, (problems, of) => setResult({ problems, of }));
    setValidation(live);
    return () => live.dispose();
  }, [registry]);

  useEffect(() => {
    if (!validation || related === undefined) return;
    validation.setRelated(related);
    validation.check(store.getState().definition);
    let checked = store.getState().definition;
    return store.subscribe(() => {
      const next = store.getState().definition;
      if (next === checked) return;
      checked = next;
      validation.check(next);
    });
  }, [validation, related, store]);

  return { problems: result.problems, checking: result.of !== definition, checked: result.of };
};
