import { useEffect } from "react";

export interface DesignerShortcuts {
  undo: () => void;
  redo: () => void;
  copy: () => void;
  paste: () => void;
  remove: () => void;
  selectAll: () => void;
  save: () => void;
}

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

/** Ctrl/Cmd+Z, Ctrl+Shift+Z or Ctrl+Y, Ctrl+C, Ctrl+V, Ctrl+A, Ctrl+S, Delete; never while typing. */
export const useDesignerShortcuts = (shortcuts: DesignerShortcuts): void => {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (mod && event.key.toLowerCase() === "s") {
        event.preventDefault();
        shortcuts.save();
        return;
      }
      if (isTyping(event.target)) return;
      const key = event.key.toLowerCase();
      const action =
        mod && key === "z" && event.shiftKey
          ? shortcuts.redo
          : mod && key === "z"
            ? shortcuts.undo
            : mod && key === "y"
              ? shortcuts.redo
              : mod && key === "c"
                ? shortcuts.copy
                : mod && key === "v"
                  ? shortcuts.paste
                  : mod && key === "a"
                    ? shortcuts.selectAll
                    : !mod && (event.key === "Delete" || event.key === "Backspace")
                      ? shortcuts.remove
                      : undefined;
      if (action) {
        event.preventDefault();
        action();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [shortcuts]);
};
