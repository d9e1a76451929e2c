import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { upgradeInstanceState } from "@flowdesk/core";
import { describe, expect, it } from "vitest";
import { contextFactory, replay, type SavedStateFile } from "./golden-host.ts";

const folder = join(import.meta.dirname, "saved-states");
const files = readdirSync(folder).filter((name) => name.endsWith(".json"));

describe("saved instance states keep resuming", () => {
  it("has saved states to check", () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  for (const name of files) {
    it(`upgrades and resumes ${name} to completion`, () => {
      // given an instance state saved by an earlier (or this) Flowdesk
      const saved = JSON.parse(readFileSync(join(folder, name), "utf8")) as SavedStateFile;

      // when it is upgraded and the remaining events are applied
      const state = upgradeInstanceState(saved.state);
      const results = replay(saved.definition, state, saved.resume, contextFactory("r-", saved.slaPolicy));

      // then it finishes the way it did when it was written
      const final = results.at(-1)!.state;
      expect({ status: final.status, ...(final.outcome ? { outcome: final.outcome } : {}) }).toEqual(
        saved.expected,
      );
      expect(final.tokens).toEqual({});
      expect(final.jobs).toEqual({});
    });
  }
});
