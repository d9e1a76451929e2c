import { BUILT_IN_ROLES, type DefinitionKind } from "../definitions/index.ts";
import type { NodeRegistry } from "../node-descriptor.ts";
import { descriptorOf } from "../node-knowledge.ts";
import type { Problem } from "../problem.ts";
import type { DefinitionIndex } from "./definition-index.ts";
import { escapeSegment, joinPointer } from "./json-pointer.ts";
import { isRecord, problem } from "./make-problem.ts";
import { nearestName } from "./nearest-name.ts";
import { PROBLEM_CODES } from "./problem-codes.ts";

const codes = PROBLEM_CODES;

const KIND_WORDS: Record<string, string> = {
  form: "form",
  workflow: "workflow",
  slaPolicy: "SLA policy",
  catalogCategory: "catalog category",
};

const REFERENCE_CODES: Partial<Record<DefinitionKind, string>> = {
  form: codes.unknownForm,
  workflow: codes.unknownWorkflow,
  slaPolicy: codes.unknownSlaPolicy,
  catalogCategory: codes.unknownCategory,
};

/** Groups and roles the directories of a set define, plus the built-in roles. */
interface Directory {
  groups: Set<string>;
  roles: Set<string>;
}

const directoryCache = new WeakMap<DefinitionIndex, { directory: Directory | undefined }>();

/** Computed once per set, not once per definition that names a group. */
const directoryOf = (index: DefinitionIndex): Directory | undefined => {
  let known = directoryCache.get(index);
  if (!known) {
    known = { directory: collectDirectory(index) };
    directoryCache.set(index, known);
  }
  return known.directory;
};

const collectDirectory = (index: DefinitionIndex): Directory | undefined => {
  const directories = index.all("directory");
  // Without a directory in the set, groups live elsewhere (the server's database).
  if (directories.length === 0) return undefined;
  const groups = new Set<string>();
  const roles = new Set<string>(BUILT_IN_ROLES);
  for (const { document } of directories) {
    for (const group of Array.isArray(document.groups) ? document.groups : []) {
      if (isRecord(group) && typeof group.id === "string") groups.add(group.id);
    }
    for (const role of Array.isArray(document.roles) ? document.roles : []) {
      if (isRecord(role) && typeof role.id === "string") roles.add(role.id);
    }
  }
  return { groups, roles };
};

/**
 * FD4xxx: every id a definition names (forms, workflows, SLA policy, category, groups,
 * roles) exists in the validated set.
 */
export const checkReferences = (
  document: Record<string, unknown>,
  index: DefinitionIndex,
  registry: NodeRegistry,
): Problem[] => {
  const problems: Problem[] = [];
  const directory = directoryOf(index);
  const expect = (kind: DefinitionKind, id: unknown, pointer: string): void => {
    if (typeof id !== "string" || index.has(kind, id)) return;
    const suggestion = nearestName(
      id,
      index.all(kind).map((entry) => String(entry.document.id)),
    );
    problems.push(
      problem(
        REFERENCE_CODES[kind] ?? codes.unknownWorkflow,
        pointer,
        `There is no ${KIND_WORDS[kind] ?? kind} "${id}"${suggestion ? `; did you mean "${suggestion}"?` : "."}`,
        "error",
        suggestion ? { id, suggestion, variant: "suggest" } : { id },
      ),
    );
  };
  const expectMember = (what: "group" | "role", id: unknown, pointer: string): void => {
    if (!directory || typeof id !== "string") return;
    const known = what === "group" ? directory.groups : directory.roles;
    if (known.has(id)) return;
    const suggestion = nearestName(id, known);
    problems.push(
      problem(
        what === "group" ? codes.unknownGroup : codes.unknownRole,
        pointer,
        `There is no ${what} "${id}"${suggestion ? `; did you mean "${suggestion}"?` : "."}`,
        "error",
        suggestion ? { id, suggestion, variant: "suggest" } : { id },
      ),
    );
  };
  const assigneeRules = (value: unknown, pointer: string, depth = 0): void => {
    if (depth > 8) return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        assigneeRules(item, `${pointer}/${i}`, depth + 1);
      });
    } else if (isRecord(value)) {
      if (value.kind === "group") expectMember("group", value.group, `${pointer}/group`);
      else if (value.kind === "role") expectMember("role", value.role, `${pointer}/role`);
      else {
        for (const [key, item] of Object.entries(value)) {
          if (typeof item === "object") assigneeRules(item, joinPointer(pointer, key), depth + 1);
        }
      }
    }
  };

  switch (document.kind) {
    case "workflow": {
      expect("slaPolicy", document.slaPolicy, "/slaPolicy");
      const nodes = Array.isArray(document.nodes) ? document.nodes : [];
      nodes.forEach((node, i) => {
        if (!isRecord(node) || !isRecord(node.config)) return;
        expect("form", node.config.form, `/nodes/${i}/config/form`);
        const calls = descriptorOf(registry, node.type)?.callsWorkflow;
        if (calls && node.config[calls.workflowField] !== document.id) {
          expect(
            "workflow",
            node.config[calls.workflowField],
            `/nodes/${i}/config/${escapeSegment(calls.workflowField)}`,
          );
        }
        assigneeRules(node.config, `/nodes/${i}/config`);
      });
      break;
    }
    case "catalogItem": {
      expect("catalogCategory", document.category, "/category");
      expect("form", document.form, "/form");
      expect("workflow", document.workflow, "/workflow");
      const visibleTo = isRecord(document.visibleTo) ? document.visibleTo : {};
      for (const [i, role] of (Array.isArray(visibleTo.roles) ? visibleTo.roles : []).entries()) {
        expectMember("role", role, `/visibleTo/roles/${i}`);
      }
      for (const [i, group] of (Array.isArray(visibleTo.groups) ? visibleTo.groups : []).entries()) {
        expectMember("group", group, `/visibleTo/groups/${i}`);
      }
      break;
    }
    case "catalogCategory":
      expect("catalogCategory", document.parent, "/parent");
      break;
    case "slaPolicy":
      assigneeRules(document.escalations, "/escalations");
      break;
    case "directory": {
      const groups = Array.isArray(document.groups) ? document.groups : [];
      groups.forEach((group, i) => {
        const roles = isRecord(group) && Array.isArray(group.roles) ? group.roles : [];
        roles.forEach((role, j) => {
          expectMember("role", role, `/groups/${i}/roles/${j}`);
        });
      });
      break;
    }
    default:
      break;
  }
  return problems;
};
