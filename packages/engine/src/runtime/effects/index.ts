export type { EffectHandler, EffectHandlers, EffectOfType, EffectTarget } from "./effect-handler.ts";
export { EFFECT_HANDLERS } from "./effect-handlers.ts";
export { DEFAULT_MAX_ATTEMPTS, JOB_KINDS } from "./job-rows.ts";
export { writeEffects } from "./write-effects.ts";
