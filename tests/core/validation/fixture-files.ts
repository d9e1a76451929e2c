import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { DefinitionFile } from "@flowdesk/core";

export const fixturesDir = join(import.meta.dirname, "../fixtures");

export const readJson = (path: string): unknown => JSON.parse(readFileSync(path, "utf8"));

/** An invalid fixture: one definition file, or a folder validated as one set. */
export interface InvalidFixture {
  name: string;
  path: string;
  set: DefinitionFile[] | undefined;
  document: unknown;
  expectedPath: string;
}

export const invalidFixtures = (): InvalidFixture[] => {
  const dir = join(fixturesDir, "invalid");
  return readdirSync(dir)
    .filter((entry) => !entry.endsWith(".expected.json"))
    .sort()
    .map((entry) => {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) {
        const set = readdirSync(path)
          .sort()
          .map((file) => ({ file, document: readJson(join(path, file)) }));
        return {
          name: entry,
          path,
          set,
          document: undefined,
          expectedPath: join(dir, `${entry}.expected.json`),
        };
      }
      const name = entry.replace(/\.json$/, "");
      return {
        name,
        path,
        set: undefined,
        document: readJson(path),
        expectedPath: join(dir, `${name}.expected.json`),
      };
    });
};

export const validFixtureFiles = (): { file: string; text: string }[] => {
  const dir = join(fixturesDir, "valid");
  return readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(dir, file), "utf8") }));
};
