import type { AssigneeRule, Assignment } from "@flowdesk/core";
import { ENGINE_ERRORS, incidentError } from "@flowdesk/core";

/**
 * Turns an assignee rule into concrete assignments. An expression rule may give a user
 * name, a list of them, or objects `{user}`, `{group}`, `{role}` (e.g. the requester's
 * manager looked up in a variable).
 */
export const resolveAssignees = (
  rule: AssigneeRule,
  evaluate: (expression: string) => unknown,
): Assignment[] => {
  switch (rule.kind) {
    case "user":
      return [{ kind: "user", user: rule.user }];
    case "group":
      return [{ kind: "group", group: rule.group }];
    case "role":
      return [{ kind: "role", role: rule.role }];
    case "expression": {
      const value = evaluate(rule.expression);
      const list = Array.isArray(value) ? value : [value];
      const assignments = list.map((item) => toAssignment(item, rule.expression));
      if (assignments.length === 0) {
        throw incidentError(
          ENGINE_ERRORS.nobodyToAssign,
          `The assignee rule "${rule.expression}" gave nobody.`,
        );
      }
      return assignments;
    }
  }
};

const toAssignment = (value: unknown, expression: string): Assignment => {
  if (typeof value === "string" && value !== "") return { kind: "user", user: value };
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.user === "string") return { kind: "user", user: record.user };
    if (typeof record.group === "string") return { kind: "group", group: record.group };
    if (typeof record.role === "string") return { kind: "role", role: record.role };
  }
  throw incidentError(
    ENGINE_ERRORS.nobodyToAssign,
    `The assignee rule "${expression}" gave ${JSON.stringify(value) ?? "nothing"}, not a user name or {user|group|role}.`,
  );
};
