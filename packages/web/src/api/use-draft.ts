import { useEffect, useState } from "react";
import { api } from "./api-client.ts";

/** A message a designer shows in its toolbar after saving, publishing or importing. */
export type Notice = { tone: "info" | "success" | "error"; text: string };

/**
 * Loads a definition's draft for a designer screen and turns it into what the editor
 * works on (`open` gets undefined when there is no draft yet). `failed` is set when the
 * server could not be reached or refused.
 */
export const useDraft = <D, V>(
  segment: "workflows" | "forms",
  id: string,
  open: (definition: D | undefined) => V,
): { value: V | undefined; failed: boolean } => {
  const [value, setValue] = useState<V | undefined>();
  const [failed, setFailed] = useState(false);
  // `open` is a pure mapping chosen by the screen; only the id decides when to reload.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    setValue(undefined);
    setFailed(false);
    api
      .draft<D>(segment, id)
      .then((draft) => setValue(open(draft?.definition)))
      .catch(() => setFailed(true));
  }, [segment, id]);
  return { value, failed };
};
