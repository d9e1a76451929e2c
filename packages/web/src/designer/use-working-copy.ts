import { useEffect, useState } from "react";
import type { DefinitionCollection } from "../api/api-client.ts";
import { loadWorkingCopy } from "./working-copy.ts";

/**
 * Loads a definition for a designer screen (draft, else newest version) and turns it
 * into what the editor works on; `open` gets undefined for a new definition. `failed`
 * is set when the server could not be reached or refused.
 */
export const useWorkingCopy = <D, V>(
  segment: DefinitionCollection,
  id: string,
  open: (definition: D | undefined) => V,
): { value: V | undefined; failed: boolean } => {
  const [value, setValue] = useState<V | undefined>();
  const [failed, setFailed] = useState(false);
  // `open` is a pure mapping chosen by the screen; only the id decides when to reload.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    let current = true;
    setValue(undefined);
    setFailed(false);
    loadWorkingCopy<D>(segment, id)
      .then((definition) => current && setValue(open(definition)))
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
    };
  }, [segment, id]);
  return { value, failed };
};
