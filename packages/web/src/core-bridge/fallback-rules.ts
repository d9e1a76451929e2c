import type { NodeRegistry, Problem, WorkflowDefinition } from "@flowdesk/core";
import type { ConnectVerdict, ExpressionIssue } from "./core-rules.ts";

/*
 * Coarse local checks used only while @flowdesk/core does not export its rules. Their
 * codes are prefixed "WEB" so they are never mistaken for the authoritative ones.
 */

export const fallbackCanConnect = (
  definition: WorkflowDefinition,
  sourceId: string,
  targetId: string,
  registry: NodeRegistry,
): ConnectVerdict => {
  if (sourceId === targetId) return { allowed: false, reason: "A step cannot lead to itself." };
  const source = definition.nodes.find((node) => node.id === sourceId);
  const target = definition.nodes.find((node) => node.id === targetId);
  const sourcePorts = source && registry[source.type]?.ports;
  const targetPorts = target && registry[target.type]?.ports;
  if (!sourcePorts || !targetPorts) return { allowed: false, reason: "Unknown step." };
  if (sourcePorts.outputs === "none") return { allowed: false, reason: "Nothing can follow this step." };
  if (targetPorts.inputs === "none") return { allowed: false, reason: "Nothing can lead into this step." };
  const outgoing = definition.edges.filter((edge) => edge.source === sourceId);
  if (sourcePorts.outputs === "one" && outgoing.length > 0) {
    return { allowed: false, reason: "This step has a single way out." };
  }
  if (outgoing.some((edge) => edge.target === targetId)) {
    return { allowed: false, reason: "These steps are already connected." };
  }
  return { allowed: true };
};

export const fallbackValidateDefinition = (
  definition: WorkflowDefinition,
  registry: NodeRegistry,
): Problem[] => {
  const problems: Problem[] = [];
  const starts = definition.nodes.filter((node) => node.type === "start");
  if (starts.length !== 1) {
    problems.push({
      code: "WEB001",
      severity: "error",
      pointer: "/nodes",
      message: "A workflow needs exactly one start.",
    });
  }
  definition.nodes.forEach((node, index) => {
    const ports = registry[node.type]?.ports;
    if (!ports) return;
    const incoming = definition.edges.some((edge) => edge.target === node.id);
    const outgoing = definition.edges.some((edge) => edge.source === node.id);
    if (ports.inputs !== "none" && !incoming) {
      problems.push({
        code: "WEB002",
        severity: "error",
        pointer: `/nodes/${index}`,
        message: `${node.name ?? node.id} cannot be reached.`,
      });
    }
    if (ports.outputs !== "none" && !outgoing) {
      problems.push({
        code: "WEB003",
        severity: "error",
        pointer: `/nodes/${index}`,
        message: `${node.name ?? node.id} leads nowhere.`,
      });
    }
  });
  return problems;
};

export const fallbackCheckExpression = (source: string): ExpressionIssue[] => {
  let depth = 0;
  let quote: string | undefined;
  for (const [offset, char] of [...source].entries()) {
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === "(") depth += 1;
    else if (char === ")") {
      depth -= 1;
      if (depth < 0) return [{ message: "Unexpected ')'.", offset }];
    }
  }
  if (quote) return [{ message: "Unclosed string." }];
  if (depth > 0) return [{ message: "Missing ')'." }];
  return source.trim() === "" ? [{ message: "Empty expression." }] : [];
};
