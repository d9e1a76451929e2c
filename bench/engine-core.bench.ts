/**
 * Speed of the engine core (pure `step`) against the peer bpmn-engine, in the same run.
 *
 *   npx tsx bench/engine-core.bench.ts
 *
 * The reference incident process (reference-incident.workflow.json and the same process
 * as BPMN in reference-incident.bpmn): start with form data, triage task (with a 4 h
 * SLA escalation timer that does not fire), priority decision, two parallel approvals,
 * an HTTP call to a stub, end.
 *
 * A "step" is counted the same way on both sides: one per event applied to the
 * instance (start, triage done, two approvals, the HTTP result: 5) plus one per node a
 * token enters (Flowdesk: `node.entered` history entries; bpmn-engine: `activity.enter`
 * events). Both come to 10 node entries per instance (the join is entered once per
 * branch on both sides), so 15 steps per instance.
 *
 * Prints a table and one JSON line; `runEngineCoreBench` is what `pnpm bench` can call.
 */
import { EventEmitter } from "node:events";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type {
  EngineEvent,
  InstanceState,
  WorkflowDefinition,
  WorkflowEdge,
  WorkflowNode,
} from "@flowdesk/core";
import { type StepContext, step } from "@flowdesk/engine";
import { Engine } from "bpmn-engine";

const here = (name: string): string => new URL(name, import.meta.url).pathname;
const referenceDefinition = JSON.parse(
  readFileSync(here("reference-incident.workflow.json"), "utf8"),
) as WorkflowDefinition;
const referenceBpmn = readFileSync(here("reference-incident.bpmn"), "utf8");

let idCounter = 0;
const context: StepContext = {
  now: "2026-03-02T14:00:00.000Z",
  newId: (prefix) => `${prefix}-${++idCounter}`,
};

/** Runs one instance of the reference incident to its end; returns the steps it took. */
const runReferenceInstance = (n: number): number => {
  let entered = 0;
  let state: InstanceState | null = null;
  let events = 0;
  const apply = (event: EngineEvent): void => {
    const result = step(referenceDefinition, state, event, context);
    state = result.state;
    events++;
    for (const entry of result.history) if (entry.type === "node.entered") entered++;
  };
  apply({
    type: "instance.start",
    instanceId: `inc-${n}`,
    requester: "ann",
    data: { number: `INC${n}`, title: "VPN down", impact: "high", urgency: "high" },
  });
  apply({ type: "task.completed", taskId: taskAt(state!, "triage"), by: "bob", data: { priority: "P1" } });
  apply({
    type: "approval.decided",
    taskId: taskAt(state!, "change-approval"),
    by: "change-manager",
    decision: "approved",
  });
  apply({
    type: "approval.decided",
    taskId: taskAt(state!, "owner-approval"),
    by: "service-owner",
    decision: "approved",
  });
  const call = Object.values((state as unknown as InstanceState).calls)[0]!;
  apply({ type: "http.result", callId: call.id, attempt: call.attempt, response: { status: 200, body: {} } });
  if ((state as unknown as InstanceState).status !== "completed")
    throw new Error("the reference instance must complete");
  return events + entered;
};

const taskAt = (state: InstanceState, nodeId: string): string => {
  for (const task of Object.values(state.tasks)) if (task.nodeId === nodeId) return task.id;
  throw new Error(`no open task at ${nodeId}`);
};

/**
 * The BPMN is parsed once, like the Flowdesk definition is parsed once: bpmn-engine takes
 * the parsed, serialised context as `sourceContext`, so per-instance parsing is not timed.
 */
let peerSourceContext: unknown;
const parsePeerSource = async (): Promise<unknown> => {
  const parser = new Engine({ name: "parse" }) as unknown as {
    _serializeSource(xml: string): Promise<unknown>;
  };
  peerSourceContext ??= await parser._serializeSource(referenceBpmn);
  return peerSourceContext;
};

/** The same process on bpmn-engine: user tasks signalled as they wait, the service task a stub. */
const runPeerInstance = async (n: number): Promise<number> => {
  let entered = 0;
  let events = 1;
  const listener = new EventEmitter();
  listener.on("activity.enter", () => {
    entered++;
  });
  // Signalling on the next turn measured faster than signalling inside the listener,
  // so the peer gets its better mode.
  listener.on("wait", (activity: { signal: (output?: unknown) => void }) => {
    events++;
    setImmediate(() => activity.signal({ decidedBy: "bench" }));
  });
  const engine = new Engine({
    name: `inc-${n}`,
    sourceContext: await parsePeerSource(),
    services: {
      updateCmdb: (_scope: unknown, callback: (error: unknown, result?: unknown) => void) => {
        events++;
        callback(null, { status: 200 });
      },
    },
  } as ConstructorParameters<typeof Engine>[0]);
  const ended = new Promise<void>((resolve, reject) => {
    engine.once("end", () => resolve());
    engine.once("error", reject);
  });
  await engine.execute({ listener, variables: { major: true, number: `INC${n}`, priority: "P1" } } as never);
  await ended;
  return events + entered;
};

/**
 * A definition of `size` nodes in which one instance does the same work whatever the
 * size: start -> decision -> one branch of 7 steps (two tasks, set data, notify) -> end.
 * The bigger definition has more branches (each 7 nodes) that the instance never takes;
 * the branch it takes is the first edge of the decision in both, so the decision
 * evaluates one condition in both. What differs is only the size of the definition the
 * core must look things up in, which is the cost this figure exposes (a core that scans
 * nodes or edges per step would fall far below 1).
 */
const branchedDefinition = (size: number): WorkflowDefinition => {
  const branches = (size - 3) / 7;
  if (!Number.isInteger(branches)) throw new Error("size must be 3 + 7k");
  const nodes: WorkflowNode[] = [
    { id: "start", type: "start", config: {} },
    { id: "route", type: "decision", config: {} },
    { id: "end", type: "end", config: { outcome: "resolved" } },
  ];
  const edges: WorkflowEdge[] = [{ id: "in", source: "start", target: "route" }];
  for (let b = 0; b < branches; b++) {
    const chain: WorkflowNode[] = [
      { id: `b${b}-triage`, type: "user-task", config: { assignee: { kind: "group", group: `team-${b}` } } },
      {
        id: `b${b}-classify`,
        type: "set-data",
        config: { assignments: [{ variable: "queue", expression: `"team-${b}"` }] },
      },
      {
        id: `b${b}-tell`,
        type: "notify",
        config: { channel: "in-app", body: `{{ title }} is with team ${b}` },
      },
      { id: `b${b}-fix`, type: "user-task", config: { assignee: { kind: "group", group: `team-${b}` } } },
      {
        id: `b${b}-close`,
        type: "set-data",
        config: { assignments: [{ variable: "state", expression: '"resolved"' }] },
      },
      { id: `b${b}-confirm`, type: "notify", config: { channel: "in-app", body: "{{ title }} resolved" } },
      {
        id: `b${b}-stamp`,
        type: "set-data",
        config: { assignments: [{ variable: "closedBy", expression: "requester" }] },
      },
    ];
    nodes.push(...chain);
    edges.push({ id: `to-${b}`, source: "route", target: chain[0]!.id, condition: `category == "c${b}"` });
    for (let i = 0; i + 1 < chain.length; i++) {
      edges.push({ id: `b${b}-e${i}`, source: chain[i]!.id, target: chain[i + 1]!.id });
    }
    edges.push({ id: `b${b}-out`, source: chain[chain.length - 1]!.id, target: "end" });
  }
  if (nodes.length !== size) throw new Error(`built ${nodes.length} nodes, wanted ${size}`);
  return {
    schemaVersion: 1,
    kind: "workflow",
    id: `branched-${size}`,
    title: `${size} nodes`,
    variables: { type: "object" },
    nodes,
    edges,
  };
};

const runBranchedInstance = (definition: WorkflowDefinition, n: number): number => {
  let state = step(
    definition,
    null,
    {
      type: "instance.start",
      instanceId: `inc-${n}`,
      requester: "ann",
      data: { category: "c0", title: "Printer jam" },
    },
    context,
  );
  let entered = state.history.filter((entry) => entry.type === "node.entered").length;
  for (let i = 0; i < 2; i++) {
    const taskId = Object.keys(state.state.tasks)[0]!;
    state = step(definition, state.state, { type: "task.completed", taskId, by: "bob" }, context);
    entered += state.history.filter((entry) => entry.type === "node.entered").length;
  }
  if (state.state.status !== "completed") throw new Error("the branched instance must complete");
  return 3 + entered;
};

/**
 * Runs `body` repeatedly for `windowMs` after `warmup` runs; returns steps per second of
 * wall-clock time, and per second of this process's CPU time (the latter is steadier on
 * a machine shared with other work, and shows how much of the peer's time is waiting).
 */
const stepsPerSecond = async (
  body: (n: number) => number | Promise<number>,
  windowMs: number,
  warmup: number,
): Promise<{ rate: number; cpuRate: number; instances: number }> => {
  for (let i = 0; i < warmup; i++) await body(i);
  let steps = 0;
  let instances = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < windowMs) {
    steps += await body(instances);
    instances++;
    elapsed = performance.now() - started;
  }
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return { rate: (steps / elapsed) * 1000, cpuRate: (steps / cpuMs) * 1000, instances };
};

export async function runEngineCoreBench(): Promise<{
  rows: { name: string; value: number; unit: string }[];
  figures: {
    core_steps_per_s: number;
    peer_bpmn_engine_steps_per_s: number;
    core_vs_peer_ratio: number;
    size_500_vs_10: number;
  };
}> {
  const core = await stepsPerSecond(runReferenceInstance, 3_000, 5_000);
  const peer = await stepsPerSecond(runPeerInstance, 3_000, 50);
  const small = branchedDefinition(10);
  const large = branchedDefinition(500);
  // Interleave the two sizes, alternating which goes first, so drift and garbage
  // collection on a shared machine hit both alike.
  // Both shapes warm up fully first: the JIT is still tiering up during the first few
  // thousand instances, which would otherwise favour whichever size is measured later.
  for (let n = 0; n < 4_000; n++) {
    runBranchedInstance(small, n);
    runBranchedInstance(large, n);
  }
  let smallRate = 0;
  let largeRate = 0;
  const measureSmall = async () => {
    smallRate += (await stepsPerSecond((n) => runBranchedInstance(small, n), 700, 500)).rate;
  };
  const measureLarge = async () => {
    largeRate += (await stepsPerSecond((n) => runBranchedInstance(large, n), 700, 500)).rate;
  };
  for (let round = 0; round < 4; round++) {
    if (round % 2 === 0) {
      await measureSmall();
      await measureLarge();
    } else {
      await measureLarge();
      await measureSmall();
    }
  }
  const figures = {
    core_steps_per_s: Math.round(core.rate),
    peer_bpmn_engine_steps_per_s: Math.round(peer.rate),
    core_vs_peer_ratio: Math.round((core.rate / peer.rate) * 10) / 10,
    size_500_vs_10: Math.round((largeRate / smallRate) * 100) / 100,
  };
  const rows = [
    { name: "engine core, reference incident", value: figures.core_steps_per_s, unit: "steps/s" },
    { name: "engine core, reference incident", value: Math.round(core.rate / 15), unit: "instances/s" },
    {
      name: "bpmn-engine (peer), same process",
      value: figures.peer_bpmn_engine_steps_per_s,
      unit: "steps/s",
    },
    { name: "bpmn-engine (peer), same process", value: Math.round(peer.rate / 15), unit: "instances/s" },
    { name: "core / peer", value: figures.core_vs_peer_ratio, unit: "x" },
    { name: "engine core, per CPU-second", value: Math.round(core.cpuRate), unit: "steps/s" },
    { name: "bpmn-engine (peer), per CPU-second", value: Math.round(peer.cpuRate), unit: "steps/s" },
    { name: "engine core, 10-node definition", value: Math.round(smallRate / 4), unit: "steps/s" },
    { name: "engine core, 500-node definition", value: Math.round(largeRate / 4), unit: "steps/s" },
    { name: "500-node / 10-node throughput", value: figures.size_500_vs_10, unit: "ratio" },
  ];
  return { rows, figures };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { rows, figures } = await runEngineCoreBench();
  for (const row of rows) {
    console.log(`${row.name.padEnd(40)} ${row.value.toLocaleString("en").padStart(12)} ${row.unit}`);
  }
  console.log(JSON.stringify(figures));
}
