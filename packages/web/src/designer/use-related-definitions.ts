import type { WorkflowDefinition } from "@flowdesk/core";
import { useEffect, useMemo, useState } from "react";
import { referencesKey, referencesOf } from "./model/workflow-references.ts";
import { loadRelated } from "./related-definitions.ts";

/**
 * The definitions the workflow refers to, reloaded when the set of references changes
 * (a form is chosen for a task, say). `undefined` while loading; `null` when they could
 * not be loaded, so the workflow is checked on its own.
 */
export const useRelatedDefinitions = (
  definition: WorkflowDefinition,
): readonly unknown[] | null | undefined => {
  const references = referencesOf(definition);
  const key = referencesKey(references);
  // The references are rebuilt on every edit; only a different set is worth a reload.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by their text
  const stable = useMemo(() => references, [key]);
  const [related, setRelated] = useState<{ key: string; definitions: readonly unknown[] | null }>();

  useEffect(() => {
    let current = true;
    loadRelated(stable)
      .then((definitions) => current && setRelated({ key, definitions }))
      .catch(() => current && setRelated({ key, definitions: null }));
    return () => {
      current = false;
    };
  }, [stable, key]);

  // Until the new set arrives, the previous one still describes the forms that stay.
  return related?.definitions;
};
