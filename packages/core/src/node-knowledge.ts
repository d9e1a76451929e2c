import type { NodeDescriptor, NodeRegistry } from "./node-descriptor.ts";
import { escapeSegment, splitPointer } from "./validation/json-pointer.ts";

/*
 * What a node is, asked of its descriptor: the validator, the engine's index and the
 * designer call these instead of comparing node.type with a type id, so a node type's
 * folder in packages/nodes stays the only place that names it.
 */

interface NodeLike {
  type?: unknown;
  config?: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The descriptor of a type, or undefined for a type the registry does not know. */
export const descriptorOf = (registry: NodeRegistry, type: unknown): NodeDescriptor | undefined =>
  typeof type === "string" && Object.hasOwn(registry, type) ? registry[type] : undefined;

/** True when the node's type plays `role` in the graph (start, decision, fork, join). */
export const playsRole = (
  registry: NodeRegistry,
  type: unknown,
  role: NonNullable<NodeDescriptor["flowRole"]>,
): boolean => descriptorOf(registry, type)?.flowRole === role;

/** The workflow a node calls (a subprocess), as written in its config; undefined if it calls none. */
export const calledWorkflow = (registry: NodeRegistry, node: NodeLike): unknown => {
  const calls = descriptorOf(registry, node.type)?.callsWorkflow;
  if (!calls || !isRecord(node.config)) return undefined;
  return node.config[calls.workflowField];
};

/** Values a descriptor field pointer reaches; "*" matches every array item or object value. */
export const expandFieldPointer = (root: unknown, fieldPointer: string): [string, unknown][] => {
  let matches: [string, unknown][] = [["", root]];
  for (const segment of splitPointer(fieldPointer)) {
    const next: [string, unknown][] = [];
    for (const [pointer, value] of matches) {
      if (segment === "*") {
        if (Array.isArray(value)) {
          value.forEach((item, index) => {
            next.push([`${pointer}/${index}`, item]);
          });
        } else if (isRecord(value)) {
          for (const [key, item] of Object.entries(value))
            next.push([`${pointer}/${escapeSegment(key)}`, item]);
        }
      } else if ((Array.isArray(value) || isRecord(value)) && Object.hasOwn(value, segment)) {
        next.push([`${pointer}/${escapeSegment(segment)}`, (value as Record<string, unknown>)[segment]]);
      }
    }
    matches = next;
  }
  return matches;
};

/** The variables a node writes, per its descriptor's writesVariables. */
export const variablesWritten = (registry: NodeRegistry, node: NodeLike): string[] => {
  const written: string[] = [];
  for (const place of descriptorOf(registry, node.type)?.writesVariables ?? []) {
    for (const [, value] of expandFieldPointer(node.config, place.pointer)) {
      if (place.name === "value" && typeof value === "string") written.push(value);
      if (place.name === "keys" && isRecord(value)) written.push(...Object.keys(value));
    }
  }
  return written;
};
