import type { PackImportEntry } from "@flowdesk/core";
import { changeCount, groupPreview, readPackText } from "@flowdesk/web/admin-model";
import { describe, expect, it } from "vitest";

const entry = (
  kind: PackImportEntry["kind"],
  id: string,
  change: PackImportEntry["change"],
): PackImportEntry => ({
  kind,
  id,
  title: id.replace(/-/g, " "),
  change,
  contentHash: `hash-${id}`,
});

describe("pack import preview", () => {
  it("groups entries per kind in import order, each split into added, changed and unchanged", () => {
    // given
    const entries = [
      entry("workflow", "incident", "changed"),
      entry("form", "new-laptop", "added"),
      entry("workflow", "change", "unchanged"),
      entry("directory", "people", "unchanged"),
      entry("workflow", "access", "unchanged"),
    ];

    // when
    const groups = groupPreview({ entries });

    // then kinds the pack lacks are left out; titles sort within a kind
    expect(groups.map((group) => group.kind)).toEqual(["directory", "form", "workflow"]);
    const workflows = groups[2];
    expect(workflows?.changed.map((item) => item.id)).toEqual(["incident"]);
    expect(workflows?.unchanged.map((item) => item.id)).toEqual(["access", "change"]);
    expect(groups[1]?.added.map((item) => item.id)).toEqual(["new-laptop"]);
  });

  it("counts added and changed definitions as the changes an import applies", () => {
    // when
    const count = changeCount({ summary: { added: 2, changed: 3, unchanged: 40 } });

    // then
    expect(count).toBe(5);
  });
});

describe("reading a pack file", () => {
  it("accepts JSON whose kind is pack", () => {
    // when
    const reading = readPackText('{"kind":"pack","schemaVersion":1}');

    // then
    expect(reading).toEqual({ ok: true, pack: { kind: "pack", schemaVersion: 1 } });
  });

  it("says plainly when the file is empty, not JSON, or JSON of another kind", () => {
    // when
    const readings = ["  ", "{not json", "[1,2]", '{"kind":"workflow"}'].map(readPackText);

    // then
    expect(readings).toEqual([
      { ok: false, reason: "empty" },
      { ok: false, reason: "notJson" },
      { ok: false, reason: "notPack" },
      { ok: false, reason: "notPack" },
    ]);
  });
});
