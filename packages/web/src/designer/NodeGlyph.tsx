import { descriptorOf } from "@flowdesk/core";
import { nodeRegistry } from "@flowdesk/nodes/descriptors";

/** Drawn for a type the registry does not know (a definition from a newer version). */
const UNKNOWN_TYPE = "M4 4h16v16H4z";

/** A node type's symbol, from its descriptor: inline SVG, so nothing loads at run time. */
export const NodeGlyph = ({ type }: { type: string }) => (
  <svg className="wf-glyph" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
    <path d={descriptorOf(nodeRegistry, type)?.icon ?? UNKNOWN_TYPE} />
  </svg>
);
