import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { replayTrace, type TraceFile } from "./golden-host.ts";

const folder = join(import.meta.dirname, "traces");
const files = readdirSync(folder).filter((name) => name.endsWith(".json"));

describe("engine traces", () => {
  it("has traces to check", () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
  });

  for (const name of files) {
    it(`${name}: the same events give the same effects and states`, () => {
      // given a recorded trace
      const trace = JSON.parse(readFileSync(join(folder, name), "utf8")) as TraceFile;

      // when its events are replayed
      const results = replayTrace(trace);

      // then every step's effects and state match the recording exactly
      expect(results.map(({ effects, state }) => ({ effects, state }))).toEqual(trace.steps);
    });
  }
});
