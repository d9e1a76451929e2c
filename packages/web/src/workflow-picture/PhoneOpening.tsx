import { type ReactFlowState, useReactFlow, useStore } from "@xyflow/react";
import { useEffect, useRef } from "react";

/** Below this zoom a step's name is no longer readable: a phone opens no further out and lets the reader pan. */
export const READABLE_ZOOM = 0.7;
/** Room around the steps in view, in screen pixels. */
const MARGIN = 24;

const PHONE = "(max-width: 760px)";

const allMeasured = (state: ReactFlowState) =>
  state.nodeLookup.size > 0 && [...state.nodeLookup.values()].every((node) => (node.measured.width ?? 0) > 0);
export const isPhone = () => typeof window !== "undefined" && window.matchMedia?.(PHONE).matches === true;

/**
 * How the picture opens on a phone: fitted to the steps that matter but never smaller than
 * readable; when they do not all fit, it opens at the first of them (the path's start, the
 * first step where instances wait) and the reader pans along. Rendered inside <ReactFlow>.
 */
export const PhoneOpening = ({ focus }: { focus: readonly string[] }) => {
  const flow = useReactFlow();
  const measured = useStore(allMeasured);
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);
  const opened = useRef(false);
  useEffect(() => {
    if (!measured || opened.current || width === 0 || height === 0) return;
    const ids = focus.length > 0 ? focus : flow.getNodes().map((node) => node.id);
    const bounds = flow.getNodesBounds([...ids]);
    if (bounds.width === 0) return;
    opened.current = true;
    const fitted = Math.min((width - 2 * MARGIN) / bounds.width, (height - 2 * MARGIN) / bounds.height, 1);
    if (fitted >= READABLE_ZOOM) {
      void flow.setViewport({
        x: width / 2 - (bounds.x + bounds.width / 2) * fitted,
        y: height / 2 - (bounds.y + bounds.height / 2) * fitted,
        zoom: fitted,
      });
      return;
    }
    const first = flow.getNodesBounds([ids[0] ?? ""]);
    void flow.setViewport({
      x: MARGIN - first.x * READABLE_ZOOM,
      y: height / 2 - (first.y + first.height / 2) * READABLE_ZOOM,
      zoom: READABLE_ZOOM,
    });
  }, [measured, focus, flow, width, height]);
  return null;
};
