/** Small inline-SVG symbols per node type: no icon font, so nothing loads at run time. */
const PATHS: Record<string, string> = {
  start: "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM10 8l6 4l-6 4z",
  end: "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM9 9h6v6h-6z",
  "user-task": "M12 4a4 4 0 1 0 0 8a4 4 0 1 0 0-8zM4 20c0-4 4-6 8-6s8 2 8 6z",
  approval: "M5 12l4 4l10-10",
  decision: "M12 2l10 10l-10 10l-10-10z",
  fork: "M12 2l10 10l-10 10l-10-10zM12 7v10M7 12h10",
  join: "M12 2l10 10l-10 10l-10-10zM8 8l8 8M16 8l-8 8",
  timer: "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM12 7v5l3 3",
  "service-call": "M4 12h4l2-6l4 12l2-6h4",
  notify: "M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 20h4",
  "set-data": "M5 6h14M5 12h14M5 18h9",
  subprocess: "M3 5h18v14H3zM10 12h4M12 10v4",
  "wait-message": "M3 6h18v12H3zM3 6l9 7l9-7",
};

export const NodeGlyph = ({ type }: { type: string }) => (
  <svg className="wf-glyph" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
    <path d={PATHS[type] ?? PATHS["set-data"]} />
  </svg>
);
