import {
  ENGINE_ERRORS,
  evaluateCondition,
  evaluateExpression,
  incidentError,
  renderTemplate,
  toFlowdeskError,
} from "@flowdesk/core";

/**
 * The CEL functions the core evaluates definitions with, as a port so a host can wrap
 * them (tracing, a tighter budget). Defaults to @flowdesk/core's expression module.
 */
export interface ExpressionPort {
  evaluateExpression(source: string, variables: Record<string, unknown>): unknown;
  evaluateCondition(source: string, variables: Record<string, unknown>): boolean;
  renderTemplate(template: string, variables: Record<string, unknown>): string;
}

export const coreExpressions: ExpressionPort = {
  evaluateExpression: (source, variables) => evaluateExpression(source, variables),
  evaluateCondition: (source, variables) => evaluateCondition(source, variables),
  renderTemplate: (template, variables) => renderTemplate(template, variables),
};

/**
 * Runs `evaluate`, turning any failure into an FD5020 incident error that names the
 * expression and keeps the original error (code, message) in its details, so admins see
 * both where it failed and why.
 */
export const guardExpression = <T>(source: string, evaluate: () => T): T => {
  try {
    return evaluate();
  } catch (thrown) {
    const cause = toFlowdeskError(thrown);
    throw incidentError(
      ENGINE_ERRORS.expressionFailed,
      `The expression "${source}" failed: ${cause.message}`,
      {
        expression: source,
        cause: cause.toJSON(),
      },
    );
  }
};
