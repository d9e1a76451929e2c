import type { RequestHandler } from "express";
import { HTTP_CODES, HttpProblem } from "../http/problem.ts";
import type { PolicyRule } from "./authorization-policy.ts";
import { requestAuth, type SignedInUser } from "./request-auth.ts";

export type Decision = "allow" | "sign-in" | "deny";

export const decide = (
  rule: PolicyRule | undefined,
  user: SignedInUser | null,
  params: Record<string, unknown>,
): Decision => {
  if (rule === undefined) return "deny";
  if (rule.allow === "public") return "allow";
  if (user === null) return "sign-in";
  if (rule.allow === "signedIn") return "allow";
  if (rule.allow.some((role) => user.roles.includes(role))) return "allow";
  if (rule.selfParam !== undefined && params[rule.selfParam] === user.id) return "allow";
  return "deny";
};

/** The one authorization check, in front of every operation's handler. */
export const authorize =
  (operationId: string, policy: Readonly<Record<string, PolicyRule>>): RequestHandler =>
  (req, _res, next) => {
    const rule = policy[operationId];
    if (rule === undefined) {
      next(
        new HttpProblem(403, HTTP_CODES.noPolicy, `Operation ${operationId} has no authorization policy.`),
      );
      return;
    }
    const decision = decide(rule, requestAuth(req).user, req.params);
    if (decision === "allow") next();
    else if (decision === "sign-in") next(new HttpProblem(401, HTTP_CODES.signInRequired, "Sign in first."));
    else next(new HttpProblem(403, HTTP_CODES.forbidden, "Your roles do not allow this operation."));
  };
