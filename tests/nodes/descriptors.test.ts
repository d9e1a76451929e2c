import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { NodeTypeId } from "@flowdesk/core";
import { nodeRegistry, paletteGroups } from "@flowdesk/nodes";
import { describe, expect, it } from "vitest";

const nodesSource = fileURLToPath(new URL("../../packages/nodes/src", import.meta.url));
const descriptors = Object.entries(nodeRegistry);

const vocabulary: NodeTypeId[] = [
  "start",
  "end",
  "user-task",
  "approval",
  "decision",
  "fork",
  "join",
  "timer",
  "service-call",
  "notify",
  "set-data",
  "subprocess",
  "wait-message",
];

describe("node registry", () => {
  it("holds exactly one descriptor per node type of the vocabulary, keyed by its type", () => {
    // given
    const keys = Object.keys(nodeRegistry);

    // when
    const mismatched = descriptors.filter(([key, descriptor]) => descriptor.type !== key);

    // then
    expect([...keys].sort()).toEqual([...vocabulary].sort());
    expect(mismatched).toEqual([]);
  });

  it("names every type after the folder its descriptor lives in", () => {
    // given
    const foldersWithDescriptor = readdirSync(nodesSource).filter(
      (entry) =>
        statSync(join(nodesSource, entry)).isDirectory() &&
        readdirSync(join(nodesSource, entry)).includes("descriptor.ts"),
    );

    // then
    expect(foldersWithDescriptor.sort()).toEqual(Object.keys(nodeRegistry).sort());
  });

  it("lists every type in exactly one palette group, the one its descriptor names", () => {
    // given
    const placements = paletteGroups.flatMap((group) =>
      group.types.map((type) => ({ type, group: group.id })),
    );

    // then
    expect(placements.map((placement) => placement.type).sort()).toEqual([...vocabulary].sort());
    for (const { type, group } of placements) {
      expect(nodeRegistry[type]?.paletteGroup, type).toBe(group);
    }
  });

  it("uses every palette group and no group twice", () => {
    // given
    const groupIds = paletteGroups.map((group) => group.id);

    // then
    expect(new Set(groupIds).size).toBe(groupIds.length);
    for (const group of paletteGroups) expect(group.types.length, group.id).toBeGreaterThan(0);
    expect(new Set(descriptors.map(([, descriptor]) => descriptor.paletteGroup))).toEqual(new Set(groupIds));
  });

  it("gives the start no way in and the end no way out", () => {
    expect(nodeRegistry.start?.ports).toEqual({ inputs: "none", outputs: "one" });
    expect(nodeRegistry.end?.ports).toEqual({ inputs: "many", outputs: "none" });
  });

  it("only requires outcomes the type offers, and declares timers where its config has them", () => {
    for (const [type, descriptor] of descriptors) {
      // given
      const properties = (descriptor.propertySchema.properties ?? {}) as Record<string, unknown>;
      const offered = [...(descriptor.outcomes.fixed ?? []), descriptor.outcomes.default].filter(Boolean);

      // then
      for (const required of descriptor.outcomes.required ?? []) expect(offered, type).toContain(required);
      expect(Boolean(descriptor.outcomes.timers), type).toBe("timers" in properties);
      if (descriptor.outcomes.fromConfig)
        expect(properties, type).toHaveProperty(descriptor.outcomes.fromConfig);
      if (descriptor.ports.outputs !== "many") expect(offered, type).toEqual([]);
    }
  });

  it("marks as waiting every type whose token stops until something outside happens", () => {
    // given
    const waiting = descriptors.filter(([, descriptor]) => descriptor.waits).map(([type]) => type);

    // then
    expect(waiting.sort()).toEqual(["approval", "subprocess", "timer", "user-task", "wait-message"]);
  });
});
