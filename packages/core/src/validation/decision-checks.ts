import type { NodeRegistry } from "../node-descriptor.ts";
import { playsRole } from "../node-knowledge.ts";
import type { Problem } from "../problem.ts";
import type { EdgeEntry, WorkflowGraph } from "../rules/workflow-graph.ts";
import { conditionsAreExhaustive, type KnownEnums } from "./decision-exhaustiveness.ts";
import { isRecord, problem } from "./make-problem.ts";
import { PROBLEM_CODES } from "./problem-codes.ts";

const codes = PROBLEM_CODES;

const hasCondition = (entry: EdgeEntry): boolean =>
  typeof entry.edge.condition === "string" && entry.edge.condition.trim().length > 0;

/** Enum values of the top-level properties of a schema (workflow variables, form data). */
export const variableEnums = (variables: unknown): Map<string, readonly unknown[]> => {
  const enums = new Map<string, readonly unknown[]>();
  const properties = isRecord(variables) && isRecord(variables.properties) ? variables.properties : {};
  for (const [name, schema] of Object.entries(properties)) {
    if (!isRecord(schema)) continue;
    if (Array.isArray(schema.enum)) enums.set(name, schema.enum);
    else if (schema.type === "boolean") enums.set(name, [true, false]);
  }
  return enums;
};

/**
 * An exclusive decision takes the first edge whose condition holds, else its default:
 * each edge needs a condition or must be the one default, and without a default the
 * conditions had better cover every case.
 */
export const checkDecisions = (
  workflow: Record<string, unknown>,
  graph: WorkflowGraph,
  registry: NodeRegistry,
  extraEnums?: KnownEnums,
): Problem[] => {
  const problems: Problem[] = [];
  const enums = new Map([...(extraEnums ?? []), ...variableEnums(workflow.variables)]);
  for (const entry of graph.nodes) {
    if (!playsRole(registry, entry.node.type, "decision") || graph.byId.get(entry.node.id) !== entry)
      continue;
    const outgoing = graph.outgoing.get(entry.node.id) ?? [];
    if (outgoing.length === 0) continue;
    const defaults = outgoing.filter((edge) => edge.edge.isDefault === true);
    for (const extra of defaults.slice(1)) {
      problems.push(
        problem(
          codes.decisionWithSeveralDefaults,
          `/edges/${extra.index}/isDefault`,
          `Decision "${entry.node.id}" has more than one default edge; keep only one.`,
          "error",
          { node: entry.node.id },
        ),
      );
    }
    let unconditioned = false;
    for (const edge of outgoing) {
      if (edge.edge.isDefault !== true && !hasCondition(edge)) {
        unconditioned = true;
        problems.push(
          problem(
            codes.decisionEdgeWithoutCondition,
            `/edges/${edge.index}`,
            `Edge "${String(edge.edge.id)}" leaves decision "${entry.node.id}" without a condition; add one or make it the default edge.`,
            "error",
            { edge: String(edge.edge.id), node: entry.node.id },
          ),
        );
      }
    }
    // An edge missing its condition is the issue already reported; once fixed (or made
    // the default) the question of a default answers itself.
    if (defaults.length > 0 || unconditioned) continue;
    const conditions = outgoing.filter(hasCondition).map((edge) => String(edge.edge.condition));
    if (!conditionsAreExhaustive(conditions, enums)) {
      problems.push(
        problem(
          codes.decisionWithoutDefault,
          `/nodes/${entry.index}`,
          `Decision "${entry.node.id}" has no default edge and its conditions may not cover every case; a request matching none of them would stop here.`,
          "warning",
          { node: entry.node.id },
        ),
      );
    }
  }
  return problems;
};
