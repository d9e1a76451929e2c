import { resolve } from "node:path";
import * as core from "@flowdesk/core";
import { describe, expect, it } from "vitest";
import {
  contractShapes,
  declaredShapes,
  findPayloadCopies,
  shapesUnder,
} from "./support/payload-copy-checker.ts";

const REPOSITORY_ROOT = resolve(import.meta.dirname, "../..");
const contract = contractShapes(core as Record<string, unknown>);

/**
 * Client-only shapes that share names with a payload but are not one. Each says why; an
 * entry the checker no longer finds fails too, so the list cannot go stale.
 */
const CLIENT_ONLY: Record<string, string> = {
  "packages/web/src/admin/audit-query.ts AuditFilter":
    "the filter form's state (calendar days, a page number), turned into the query by auditQueryString",
  "packages/web/src/admin/user-validation.ts UserDraft":
    "the new-user form's state (empty strings while typing), checked before it becomes a CreateUserBody",
  "packages/web/src/designer/model/workflow-diff.ts WorkflowDiff":
    "computed in the browser between two workflow versions, never sent by the server",
};

describe("the web app declares no copy of a server payload type", () => {
  it("finds the contract's object schemas to compare with", () => {
    expect(contract.get("TaskView")).toEqual(expect.any(Set));
    expect(contract.size).toBeGreaterThan(40);
  });

  it("flags a planted copy of a server payload, in an interface and in a type alias", () => {
    // given web code that writes out the group payload and a task summary by hand
    const planted = `
      export interface AdminGroup { id: string; title: string; description: string | null; members: string[] }
      type Row = { id: string; instanceId: string; nodeId: string; kind: "task"; state: string } & { extra: number };
      interface Point { x: number; y: number; z: number }
    `;
    // when the checker reads it
    const copies = findPayloadCopies(declaredShapes("planted.ts", planted), contract);
    // then both copies are named with the schema they copy, and the unrelated shape is not
    expect(copies.map((copy) => `${copy.name}:${copy.schema}`)).toEqual([
      "AdminGroup:GroupView",
      "Row:TaskView",
    ]);
  });

  it("finds none in packages/web/src", () => {
    // given every interface and object type the web app declares
    const shapes = shapesUnder(resolve(REPOSITORY_ROOT, "packages/web/src"), REPOSITORY_ROOT);
    expect(shapes.length).toBeGreaterThan(50);
    // when they are compared with the contract
    const copies = findPayloadCopies(shapes, contract);
    const named = (copy: { file: string; name: string }) => `${copy.file} ${copy.name}`;
    // then none copies a payload (import it from @flowdesk/core instead), client-only shapes aside
    expect(
      copies
        .filter((copy) => CLIENT_ONLY[named(copy)] === undefined)
        .map((copy) => `${named(copy)} ~ ${copy.schema} (${copy.matched.join(", ")})`),
    ).toEqual([]);
    expect(copies.map(named).filter((name) => CLIENT_ONLY[name] !== undefined)).toEqual(
      Object.keys(CLIENT_ONLY),
    );
  });
});
