import type { NodeRegistry } from "../node-descriptor.ts";
import type { Problem } from "../problem.ts";
import { compileUserSchema } from "../schema/ajv.ts";
import { ajvErrorsToProblems } from "./ajv-problems.ts";
import { isRecord, problem } from "./make-problem.ts";
import { PROBLEM_CODES } from "./problem-codes.ts";

/**
 * Each node's config is checked against its type's property schema from the registry
 * (the same schema the side panel renders), not by workflow.schema.json.
 */
export const checkNodeConfigs = (workflow: Record<string, unknown>, registry: NodeRegistry): Problem[] => {
  const problems: Problem[] = [];
  const nodes = Array.isArray(workflow.nodes) ? workflow.nodes : [];
  nodes.forEach((node, index) => {
    if (!isRecord(node) || typeof node.type !== "string" || !isRecord(node.config)) return;
    const descriptor = Object.hasOwn(registry, node.type) ? registry[node.type] : undefined;
    if (!descriptor) return;
    const validate = compileUserSchema(descriptor.propertySchema);
    if (validate instanceof Error) {
      problems.push(
        problem(
          PROBLEM_CODES.brokenNodeSchema,
          `/nodes/${index}/type`,
          `The settings of node type "${node.type}" cannot be checked: ${validate.message}`,
          "error",
          { type: node.type, reason: validate.message },
        ),
      );
      return;
    }
    if (validate(node.config)) return;
    const pointer = `/nodes/${index}/config`;
    problems.push(
      ...ajvErrorsToProblems(validate.errors, {
        audience: "definition",
        root: node.config,
        basePointer: pointer,
        file: { root: workflow, pointer },
      }),
    );
  });
  return problems;
};
