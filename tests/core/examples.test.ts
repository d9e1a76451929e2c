import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type DefinitionFile, validateDefinitionSet } from "@flowdesk/core";
import { nodeRegistry } from "@flowdesk/nodes";
import { describe, expect, it } from "vitest";

/*
 * The repository's workflows/ and forms/ folders are what Flowdesk ships and what people
 * copy: together they must pass the validator with no error and no warning.
 */
const repositoryRoot = fileURLToPath(new URL("../../", import.meta.url));

const definitionFiles = (folder: string): DefinitionFile[] =>
  readdirSync(repositoryRoot + folder)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => ({
      file: `${folder}/${name}`,
      document: JSON.parse(readFileSync(`${repositoryRoot}${folder}/${name}`, "utf8")) as unknown,
    }));

const files = [...definitionFiles("workflows"), ...definitionFiles("forms")];

describe("example definitions", () => {
  it("holds one of every definition kind except packs", () => {
    // given
    const kinds = files.map(({ document }) => (document as { kind?: string }).kind);

    // then
    expect(new Set(kinds)).toEqual(
      new Set(["workflow", "slaPolicy", "directory", "form", "catalogItem", "catalogCategory"]),
    );
  });

  it("names its JSON Schema and the schema version in every file", () => {
    for (const { file, document } of files) {
      const { $schema, schemaVersion } = document as { $schema?: string; schemaVersion?: number };
      expect($schema, file).toMatch(/^\.\.\/packages\/core\/schemas\/[a-z-]+\.schema\.json$/);
      expect(schemaVersion, file).toBe(1);
    }
  });

  it("passes the validator as one set without errors or warnings", () => {
    // when
    const problems = validateDefinitionSet(files, { registry: nodeRegistry });

    // then
    expect(problems).toEqual([]);
  });
});
