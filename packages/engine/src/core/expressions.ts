import * as flowdeskCore from "@flowdesk/core";
import { ENGINE_ERRORS, FlowdeskError, incidentError } from "@flowdesk/core";

/**
 * The CEL functions of @flowdesk/core, seen through one narrow port. Anything an
 * expression throws becomes an FD5020 incident error that keeps the original code and
 * message in its details, so admins see both where it failed and why.
 */
export interface ExpressionPort {
  evaluateExpression(source: string, variables: Record<string, unknown>): unknown;
  evaluateCondition(source: string, variables: Record<string, unknown>): boolean;
  renderTemplate(template: string, variables: Record<string, unknown>): string;
}

const core = flowdeskCore as unknown as Partial<ExpressionPort>;

const missing = (): never => {
  throw new FlowdeskError({
    code: ENGINE_ERRORS.expressionFailed,
    kind: "unexpected",
    message: "The expression module of @flowdesk/core is not available.",
    retryable: false,
  });
};

export const coreExpressions: ExpressionPort = {
  evaluateExpression: (source, variables) => (core.evaluateExpression ?? missing)(source, variables),
  evaluateCondition: (source, variables) => (core.evaluateCondition ?? missing)(source, variables),
  renderTemplate: (template, variables) => (core.renderTemplate ?? missing)(template, variables),
};

/** Runs `evaluate`, turning any failure into an incident error naming the expression. */
export const guardExpression = <T>(source: string, evaluate: () => T): T => {
  try {
    return evaluate();
  } catch (thrown) {
    const cause = flowdeskCore.toFlowdeskError(thrown);
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
