import { type KeyboardEvent, useEffect, useRef } from "react";

/**
 * An inline panel (create, edit, reset) opens above the list, maybe far from the row the
 * person clicked: its heading takes focus and scrolls into view, and Escape closes it.
 */
export const usePanelFocus = (onClose: () => void) => {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView?.({ block: "nearest" });
  }, []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onClose();
    }
  };
  return { heading, onKeyDown };
};
