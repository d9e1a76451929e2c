import type { WorkflowDefinition } from "@flowdesk/core";
import {
  addNode,
  configureNode,
  DeltaDecoder,
  DeltaEncoder,
  moveNodes,
  removeNodes,
} from "@flowdesk/web/designer-model";
import { describe, expect, it } from "vitest";
import fixture from "../fixtures/password-reset.workflow.json" with { type: "json" };

const workflow = (): WorkflowDefinition => structuredClone(fixture) as WorkflowDefinition;

/** What the worker receives: a copy, as postMessage makes one. */
const send = (encoder: DeltaEncoder, decoder: DeltaDecoder, definition: WorkflowDefinition) => {
  const delta = structuredClone(encoder.encode(definition));
  return { delta, received: decoder.decode(delta) };
};

describe("the workflow sent to the validation worker as a delta", () => {
  it("sends everything the first time and rebuilds the same workflow", () => {
    // given
    const definition = workflow();
    // when
    const { delta, received } = send(new DeltaEncoder(), new DeltaDecoder(), definition);
    // then
    expect(received).toEqual(definition);
    expect(delta.nodes.shared.every((id) => id === null)).toBe(true);
  });

  it("after an edit sends only the changed step, yet rebuilds the whole edited workflow", () => {
    // given a workflow the worker already holds
    const encoder = new DeltaEncoder();
    const decoder = new DeltaDecoder();
    const before = workflow();
    send(encoder, decoder, before);
    // when one step is renamed and another moved
    const renamed = configureNode(before, "user-task-1", {
      name: "Reset by hand",
      config: before.nodes.find((node) => node.id === "user-task-1")?.config ?? {},
    }).execute(before);
    const moved = moveNodes([
      { id: "end-1", from: renamed.layout?.nodes["end-1"], to: { x: 999, y: 9 } },
    ]).execute(renamed);
    const { delta, received } = send(encoder, decoder, moved);
    // then
    expect(received).toEqual(moved);
    expect(delta.nodes.items.filter((item) => item !== null).map((item) => item?.id)).toEqual([
      "user-task-1",
    ]);
    expect(delta.edges.items.every((item) => item === null)).toBe(true);
    expect(Object.entries(delta.layout?.nodes ?? {}).filter(([, point]) => point !== null)).toEqual([
      ["end-1", { x: 999, y: 9 }],
    ]);
  });

  it("follows removed and added steps, and undo back to an older state", () => {
    // given
    const encoder = new DeltaEncoder();
    const decoder = new DeltaDecoder();
    const original = workflow();
    send(encoder, decoder, original);
    // when a step is removed, one added, and the original shown again
    const removed = removeNodes(original, ["end-2"]).execute(original);
    expect(send(encoder, decoder, removed).received).toEqual(removed);
    const added = addNode(
      { id: "notify-1", type: "notify", name: "Tell", config: {} },
      { x: 1, y: 2 },
    ).execute(removed);
    expect(send(encoder, decoder, added).received).toEqual(added);
    // then
    expect(send(encoder, decoder, original).received).toEqual(original);
  });

  it("sends a step whose id is used twice in full, so both copies arrive", () => {
    // given
    const encoder = new DeltaEncoder();
    const decoder = new DeltaDecoder();
    const definition = workflow();
    send(encoder, decoder, definition);
    const twin = { ...definition.nodes[1]!, name: "Twin" };
    const duplicated = { ...definition, nodes: [...definition.nodes, twin] };
    // when
    const { received } = send(encoder, decoder, duplicated);
    // then
    expect(received.nodes).toEqual(duplicated.nodes);
  });
});
