import type { NodeRegistry, Problem, WorkflowDefinition } from "@flowdesk/core";
import * as core from "@flowdesk/core";
import { fallbackCanConnect, fallbackCheckExpression, fallbackValidateDefinition } from "./fallback-rules.ts";

/*
 * The designer asks @flowdesk/core, the one rules module, what may connect and what is
 * wrong. The lookups below tolerate a core build that does not export a rule yet, so the
 * designer keeps working (with coarser local checks) while core grows.
 */

type ValidateDefinition = (doc: unknown, options: { registry: NodeRegistry }) => Problem[];
type CanConnect = (
  definition: WorkflowDefinition,
  sourceId: string,
  targetId: string,
  outcome: string | undefined,
  registry: NodeRegistry,
) => unknown;
type CheckExpression = (source: string) => unknown;

const exported = core as unknown as Record<string, unknown>;
const coreFunction = <T>(name: string): T | undefined =>
  typeof exported[name] === "function" ? (exported[name] as T) : undefined;

export const validateWorkflow = (definition: WorkflowDefinition, registry: NodeRegistry): Problem[] => {
  const validate = coreFunction<ValidateDefinition>("validateDefinition");
  return validate ? validate(definition, { registry }) : fallbackValidateDefinition(definition, registry);
};

export interface ConnectVerdict {
  allowed: boolean;
  reason?: string;
}

/** Reads core's verdict whatever its shape: boolean, {ok|allowed, reason|message}, or a Problem list. */
const readVerdict = (verdict: unknown): ConnectVerdict => {
  if (typeof verdict === "boolean") return { allowed: verdict };
  if (Array.isArray(verdict)) {
    const first = verdict[0] as Problem | undefined;
    return first ? { allowed: false, reason: first.message } : { allowed: true };
  }
  if (verdict && typeof verdict === "object") {
    const record = verdict as Record<string, unknown>;
    const allowed = record.ok ?? record.allowed ?? record.valid;
    const reason = record.reason ?? record.message ?? (record.problem as Problem | undefined)?.message;
    return typeof reason === "string" ? { allowed: allowed === true, reason } : { allowed: allowed === true };
  }
  return { allowed: verdict === undefined || verdict === null };
};

export const checkConnection = (
  definition: WorkflowDefinition,
  sourceId: string,
  targetId: string,
  outcome: string | undefined,
  registry: NodeRegistry,
): ConnectVerdict => {
  const canConnect = coreFunction<CanConnect>("canConnect");
  if (!canConnect) return fallbackCanConnect(definition, sourceId, targetId, registry);
  return readVerdict(canConnect(definition, sourceId, targetId, outcome, registry));
};

export interface ExpressionIssue {
  message: string;
  offset?: number;
}

/** Parse errors of one CEL expression, for the inline hints of the expression editor. */
export const expressionIssues = (source: string): ExpressionIssue[] => {
  const check = coreFunction<CheckExpression>("checkExpression");
  if (!check) return fallbackCheckExpression(source);
  const result = check(source);
  const list = Array.isArray(result)
    ? result
    : result && typeof result === "object"
      ? ((result as { problems?: unknown[]; errors?: unknown[] }).problems ??
        (result as { errors?: unknown[] }).errors ??
        [])
      : [];
  return list.map((item) => {
    const record = item as { message?: string; offset?: number };
    return record.offset === undefined
      ? { message: String(record.message ?? item) }
      : { message: String(record.message ?? item), offset: record.offset };
  });
};
