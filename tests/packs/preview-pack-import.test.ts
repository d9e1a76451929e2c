import { assemblePack, contentHash, previewPackImport } from "@flowdesk/core";
import { describe, expect, it } from "vitest";

const form = (id: string, title: string) => ({
  schemaVersion: 1,
  kind: "form",
  id,
  title,
  schema: { type: "object", properties: {} },
});
const manifest = { id: "small", version: "1.0.0", title: "Small pack" };

describe("previewPackImport", () => {
  it("tells added, changed and unchanged definitions apart by content hash", () => {
    // given
    const same = form("same", "Same");
    const edited = form("edited", "Edited title");
    const pack = assemblePack(manifest, [form("fresh", "Fresh"), same, edited]);

    // when
    const preview = previewPackImport(pack, [
      { id: "same", kind: "form", latestContentHash: contentHash({ ...same }) },
      { id: "edited", kind: "form", latestContentHash: contentHash(form("edited", "Old title")) },
    ]);

    // then
    expect(preview.entries.map((entry) => [entry.id, entry.change])).toEqual([
      ["edited", "changed"],
      ["fresh", "added"],
      ["same", "unchanged"],
    ]);
    expect(preview.summary).toEqual({ added: 1, changed: 1, unchanged: 1 });
    expect(preview.problems).toEqual([]);
  });

  it("flags an id that names two kinds inside the pack", () => {
    // given
    const pack = assemblePack(manifest, [
      form("password-reset", "Password reset"),
      { ...form("password-reset", "Password reset"), kind: "catalogCategory" },
    ]);

    // when
    const preview = previewPackImport(pack, []);

    // then
    expect(preview.problems).toEqual([
      expect.objectContaining({ code: "FD4101", pointer: "/contents/forms/0/id", severity: "error" }),
    ]);
  });
});
