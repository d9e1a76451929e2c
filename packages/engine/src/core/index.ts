export { addBusinessMillis, businessMillisBetween } from "./business-calendar.ts";
export { type DefinitionIndex, indexDefinition } from "./definition-index.ts";
export { coreExpressions, type ExpressionPort } from "./expressions.ts";
export { elapsedOn, slaConsumedAt } from "./sla-clock.ts";
export { explainSlaClocks, type SlaClockExplanation } from "./sla-history.ts";
export { step } from "./step.ts";
export type { StepContext, StepResult } from "./step-context.ts";
