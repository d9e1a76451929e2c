import { splitPointer } from "./json-pointer.ts";
import { humanize } from "./wording.ts";

const KIND_NAMES: Record<string, string> = {
  workflow: "workflow",
  form: "form",
  catalogItem: "catalog item",
  catalogCategory: "catalog category",
  slaPolicy: "SLA policy",
  directory: "directory",
  pack: "pack",
};

const ANCHORS: Record<string, string> = {
  nodes: "node",
  edges: "edge",
  groups: "group",
  roles: "role",
  targets: "target",
  escalations: "escalation",
  timers: "timer",
  outcomes: "outcome",
  workingHours: "working hours",
  holidays: "holiday",
  approvers: "approver",
  to: "recipient",
  notify: "recipient",
  assignments: "assignment",
};

const CONTENT_KINDS: Record<string, string> = {
  workflows: "workflow",
  forms: "form",
  catalogItems: "catalog item",
  catalogCategories: "catalog category",
  slaPolicies: "SLA policy",
  directories: "directory",
};

const namedAfter = (value: unknown): string | undefined => {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const name = record.id ?? record.priority ?? record.date;
    if (typeof name === "string" && name.length > 0 && name.length <= 80) return name;
  }
  return undefined;
};

/**
 * Names the place a pointer reaches in words a process owner recognises, lower-case so
 * it fits mid-sentence: `node "triage"`, `timer "escalate" of node "triage"`,
 * `the workflow`, `the assignee of node "triage"`.
 */
export const describePlace = (root: unknown, pointer: string): string => {
  const segments = splitPointer(pointer);
  const rootKind = root && typeof root === "object" ? (root as Record<string, unknown>).kind : undefined;
  let place = `the ${KIND_NAMES[String(rootKind)] ?? "definition"}`;
  let current: unknown = root;
  let rest: string[] = [];
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]!;
    const container = current;
    current =
      current && typeof current === "object" ? (current as Record<string, unknown>)[segment] : undefined;
    const parentName = segments[index - 1];
    const isIndex = /^\d+$/.test(segment);
    if (isIndex && parentName !== undefined && Array.isArray(container)) {
      const contentKind = segments[index - 2] === "contents" ? CONTENT_KINDS[parentName] : undefined;
      const anchor = contentKind ?? ANCHORS[parentName];
      if (anchor) {
        const name = namedAfter(current);
        const label = name === undefined ? `${anchor} ${Number(segment) + 1}` : `${anchor} "${name}"`;
        // Top-level items stand alone; nested ones say whose they are.
        place = place.startsWith("the ") ? label : `${label} of ${place}`;
        rest = [];
        continue;
      }
    }
    if (segment === "config" && rest.length === 0) continue;
    rest.push(segment);
  }
  if (rest.length === 0) return place;
  const words = rest.map((segment) =>
    /^\d+$/.test(segment) ? `#${Number(segment) + 1}` : humanize(segment),
  );
  return `the ${words.join(" ")} of ${place}`;
};
