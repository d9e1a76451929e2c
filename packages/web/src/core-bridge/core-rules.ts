import {
  canConnect,
  checkExpression,
  type NodeRegistry,
  type Problem,
  validateDefinition,
  type WorkflowDefinition,
} from "@flowdesk/core";

/*
 * The designer's questions to @flowdesk/core, the one rules module: what may connect,
 * what is wrong with the definition, whether an expression parses. Kept in one place so
 * the UI never grows rules of its own.
 */

export const validateWorkflow = (definition: WorkflowDefinition, registry: NodeRegistry): Problem[] =>
  validateDefinition(definition, { registry });

export interface ConnectVerdict {
  allowed: boolean;
  reason?: string;
}

export const checkConnection = (
  definition: WorkflowDefinition,
  sourceId: string,
  targetId: string,
  outcome: string | undefined,
  registry: NodeRegistry,
): ConnectVerdict => {
  const verdict = canConnect(definition, sourceId, targetId, outcome, registry);
  return verdict.ok ? { allowed: true } : { allowed: false, reason: verdict.message };
};

export interface ExpressionIssue {
  message: string;
  offset?: number;
}

/** Parse errors of one CEL expression, for the inline hints of the expression editors. */
export const expressionIssues = (source: string): ExpressionIssue[] => {
  const check = checkExpression(source);
  if (check.ok) return [];
  return [
    check.offset === undefined
      ? { message: check.message }
      : { message: check.message, offset: check.offset },
  ];
};
