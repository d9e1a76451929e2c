import { validateDefinition, validateDefinitionSet } from "@flowdesk/core";
import { nodeRegistry } from "@flowdesk/nodes";
import { describe, expect, it } from "vitest";
import { validFixtureFiles } from "./fixture-files.ts";

const options = { registry: nodeRegistry };

/** JSON text without insignificant whitespace, so formatting is not what we compare. */
const minify = (text: string): string => {
  let out = "";
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (inString) {
      out += char;
      if (char === "\\") out += text[++index] ?? "";
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
      out += char;
    } else if (!/\s/.test(char)) {
      out += char;
    }
  }
  return out;
};

describe("valid definitions", () => {
  const files = validFixtureFiles();

  it.each(files.map((fixture) => [fixture.file, fixture] as const))(
    "%s round-trips and has no problems",
    (_file, fixture) => {
      // given a valid definition file
      const document = JSON.parse(fixture.text) as { $schema?: unknown };
      // when serialising what was parsed, and validating it
      const serialised = JSON.stringify(document);
      const problems = validateDefinition(document, options);
      // then nothing was lost or reordered (no duplicate keys, no odd numbers) and it is valid
      expect(serialised).toBe(minify(fixture.text));
      expect(document.$schema).toEqual(expect.stringMatching(/schemas\/[a-z-]+\.schema\.json$/));
      expect(problems).toEqual([]);
    },
  );

  it("all valid files together form a consistent set", () => {
    // given every valid file, referring to each other
    const set = files.map(({ file, text }) => ({ file, document: JSON.parse(text) as unknown }));
    // when validating them as one set
    const problems = validateDefinitionSet(set, options);
    // then every reference resolves
    expect(problems).toEqual([]);
  });
});
