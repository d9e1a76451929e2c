import type { ErrorObject } from "ajv";

/**
 * ajv reports every failed branch of a oneOf/anyOf plus the oneOf itself. People need
 * one problem per real issue, so for each failed oneOf/anyOf we keep only the branch the
 * data most plausibly meant (the one whose discriminating const matched, else the one
 * with the fewest errors) and drop the rest. `if` errors only repeat their `then`.
 */
export const collapseAjvErrors = (errors: readonly ErrorObject[]): ErrorObject[] => {
  const dropped = new Set<number>();
  errors.forEach((error, index) => {
    if (error.keyword === "if" || error.keyword === "propertyNames") dropped.add(index);
    if (error.keyword !== "oneOf" && error.keyword !== "anyOf") return;
    const passing = (error.params as { passingSchemas?: unknown }).passingSchemas;
    if (Array.isArray(passing)) return; // several branches matched: the oneOf itself is the issue
    const branches = new Map<number, number[]>();
    const prefix = `${error.schemaPath}/`;
    for (let other = 0; other < index; other++) {
      if (dropped.has(other)) continue;
      const candidate = errors[other]!;
      if (!candidate.schemaPath.startsWith(prefix)) continue;
      if (!isWithin(candidate.instancePath, error.instancePath)) continue;
      const branch = Number(candidate.schemaPath.slice(prefix.length).split("/")[0]);
      if (!Number.isInteger(branch)) continue;
      const list = branches.get(branch) ?? [];
      list.push(other);
      branches.set(branch, list);
    }
    if (branches.size === 0) return;
    const chosen = lacksTag(error) ? undefined : chooseBranch(errors, branches, error.instancePath);
    for (const [branch, members] of branches) {
      if (branch !== chosen) for (const member of members) dropped.add(member);
    }
    // With no branch meant (every discriminating const missed), the oneOf itself speaks.
    if (chosen !== undefined) dropped.add(index);
  });
  return errors.filter((_, index) => !dropped.has(index));
};

/**
 * The alternatives differ by a property every branch fixes with a const (assignee rule:
 * kind), and the data does not have it: no branch was meant, the missing tag is the issue.
 */
const lacksTag = (error: ErrorObject): boolean => {
  const branches = Array.isArray(error.schema) ? (error.schema as unknown[]) : [];
  const data = error.data;
  if (branches.length === 0 || !data || typeof data !== "object" || Array.isArray(data)) return false;
  const constProperties = (branch: unknown): string[] => {
    const properties = (branch as { properties?: Record<string, { const?: unknown }> } | undefined)
      ?.properties;
    return properties ? Object.keys(properties).filter((name) => properties[name]?.const !== undefined) : [];
  };
  const tags = constProperties(branches[0]).filter((name) =>
    branches.every((branch) => constProperties(branch).includes(name)),
  );
  return tags.length > 0 && tags.every((name) => !Object.hasOwn(data, name));
};

const isWithin = (path: string, parent: string): boolean => path === parent || path.startsWith(`${parent}/`);

/** A const/enum mismatch on a direct property says "this branch is a different kind". */
const isDiscriminatorMiss = (error: ErrorObject, parentPath: string): boolean =>
  (error.keyword === "const" || error.keyword === "enum") &&
  error.instancePath.startsWith(`${parentPath}/`) &&
  !error.instancePath.slice(parentPath.length + 1).includes("/");

const chooseBranch = (
  errors: readonly ErrorObject[],
  branches: Map<number, number[]>,
  parentPath: string,
): number | undefined => {
  let best: number | undefined;
  let bestCount = Number.POSITIVE_INFINITY;
  let everyBranchMissed = true;
  for (const [branch, members] of branches) {
    const missed = members.some((member) => isDiscriminatorMiss(errors[member]!, parentPath));
    if (missed) continue;
    everyBranchMissed = false;
    if (members.length < bestCount) {
      best = branch;
      bestCount = members.length;
    }
  }
  if (everyBranchMissed) return undefined;
  return best;
};
