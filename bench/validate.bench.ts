/**
 * How long validateDefinition takes on a realistic 500-node workflow (tasks, decisions
 * with conditions, approvals with timers, forks/joins, set data, service calls): the
 * designer re-validates on every edit, so this must stay well under a frame budget.
 * Target: median < 50 ms. Run alone: npx tsx bench/validate.bench.ts
 */
import { pathToFileURL } from "node:url";
import {
  clearExpressionChecks,
  validateDefinition,
  type WorkflowDefinition,
  type WorkflowEdge,
  type WorkflowNode,
} from "@flowdesk/core";
import { nodeRegistry } from "@flowdesk/nodes";
import { type BenchResult, printBenchResult } from "./bench-report.ts";

const SEGMENT_SIZE = 9;

/** One stretch of a long ITSM process; segments are chained one after another. */
const segment = (k: number, next: string): { nodes: WorkflowNode[]; edges: WorkflowEdge[] } => {
  const id = (name: string) => `${name}-${k}`;
  const nodes: WorkflowNode[] = [
    {
      id: id("task"),
      type: "user-task",
      config: {
        assignee: { kind: "group", group: "service-desk" },
        outcomes: [{ id: "done", label: "Done" }],
        instructions: `Step ${k}: look at {{ summary }} for {{ requester.name }}.`,
        timers: [{ id: "remind", after: "PT8H", interrupting: false }],
      },
    },
    { id: id("route"), type: "decision", config: {} },
    {
      id: id("approve"),
      type: "approval",
      config: {
        approvers: [
          { kind: "group", group: "cab" },
          { kind: "expression", expression: "requester.manager" },
        ],
        mode: "any",
        timers: [{ id: "escalate", after: "PT4H", interrupting: true }],
      },
    },
    {
      id: id("notify"),
      type: "notify",
      config: {
        channel: "in-app",
        to: [{ kind: "role", role: "agent" }],
        body: `Request {{ instance.id }} passed step ${k}.`,
      },
    },
    { id: id("split"), type: "fork", config: {} },
    {
      id: id("work"),
      type: "user-task",
      config: {
        assignee: { kind: "expression", expression: 'priority == "P1" ? "oncall" : "desk"' },
        timers: [{ id: "escalate", after: "P1D", interrupting: true }],
      },
    },
    {
      id: id("register"),
      type: "service-call",
      config: {
        method: "POST",
        url: "https://cmdb.example.org/api/requests/{{ instance.id }}",
        body: '{"summary": "{{ summary }}"}',
        resultMapping: { ticketId: "response.body.id" },
      },
    },
    { id: id("merge"), type: "join", config: {} },
    {
      id: id("compute"),
      type: "set-data",
      config: {
        assignments: [
          { variable: "risk", expression: `priority == "P1" || size(summary) > ${k} ? "high" : "low"` },
        ],
      },
    },
  ];
  const edges: WorkflowEdge[] = [
    { id: id("e1"), source: id("task"), target: id("route") },
    {
      id: id("e2"),
      source: id("route"),
      target: id("approve"),
      condition: `priority == "P1" || ticketId == "T-${k}"`,
    },
    {
      id: id("e3"),
      source: id("route"),
      target: id("notify"),
      condition: `priority == "P2" && risk != "high" && ticketId != "T-${k}"`,
    },
    { id: id("e4"), source: id("route"), target: id("split"), isDefault: true },
    { id: id("e5"), source: id("approve"), target: id("split"), outcome: "approved" },
    { id: id("e6"), source: id("approve"), target: id("notify"), outcome: "rejected" },
    { id: id("e7"), source: id("approve"), target: id("notify"), outcome: "escalate" },
    { id: id("e8"), source: id("notify"), target: id("split") },
    { id: id("e9"), source: id("split"), target: id("work") },
    { id: id("e10"), source: id("split"), target: id("register") },
    { id: id("e11"), source: id("work"), target: id("merge") },
    { id: id("e12"), source: id("work"), target: id("merge"), outcome: "escalate" },
    { id: id("e13"), source: id("register"), target: id("merge") },
    { id: id("e14"), source: id("merge"), target: id("compute") },
    { id: id("e15"), source: id("compute"), target: next },
  ];
  return { nodes, edges };
};

export const largeWorkflow = (nodeCount: number): WorkflowDefinition => {
  const segments = Math.floor((nodeCount - 2) / SEGMENT_SIZE);
  const nodes: WorkflowNode[] = [{ id: "start", type: "start", config: {} }];
  const edges: WorkflowEdge[] = [{ id: "e0", source: "start", target: segments > 0 ? "task-0" : "done" }];
  for (let k = 0; k < segments; k++) {
    const part = segment(k, k + 1 < segments ? `task-${k + 1}` : "wrap-up-0");
    nodes.push(...part.nodes);
    edges.push(...part.edges);
  }
  // Fill up to the exact count with a tail of notifications.
  const tail = nodeCount - 2 - segments * SEGMENT_SIZE;
  for (let index = 0; index < tail; index++) {
    nodes.push({
      id: `wrap-up-${index}`,
      type: "notify",
      config: {
        channel: "email",
        to: [{ kind: "role", role: "requester" }],
        body: "Update on {{ summary }}",
      },
    });
    edges.push({
      id: `tail-${index}`,
      source: `wrap-up-${index}`,
      target: index + 1 < tail ? `wrap-up-${index + 1}` : "done",
    });
  }
  nodes.push({ id: "done", type: "end", config: { outcome: "resolved" } });
  return {
    schemaVersion: 1,
    kind: "workflow",
    id: "large-request",
    title: "Large request fulfilment",
    slaPolicy: "standard-sla",
    variables: {
      type: "object",
      properties: {
        summary: { type: "string" },
        priority: { type: "string", enum: ["P1", "P2", "P3", "P4"] },
        risk: { type: "string", enum: ["low", "high"] },
        ticketId: { type: "string" },
      },
    },
    nodes,
    edges,
  };
};

const median = (values: number[]): number => {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const RUNS = 30;

/** Median time of validateDefinition; `cold` forgets cached expression checks before each run. */
const measure = (definition: WorkflowDefinition, cold: boolean): number[] => {
  const options = { registry: nodeRegistry };
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    // A fresh copy each run, as the designer sends a new object after every edit.
    const copy = structuredClone(definition);
    if (cold) clearExpressionChecks();
    const started = performance.now();
    validateDefinition(copy, options);
    times.push(performance.now() - started);
  }
  return times;
};

export async function runValidateBench(): Promise<
  BenchResult<{ validate_500_ms: number; validate_500_cold_ms: number }>
> {
  const definition = largeWorkflow(500);
  const problems = validateDefinition(definition, { registry: nodeRegistry });
  for (let warm = 0; warm < 5; warm++) validateDefinition(definition, { registry: nodeRegistry });
  const times = measure(definition, false);
  const coldTimes = measure(definition, true);
  const medianMs = median(times);
  const coldMs = median(coldTimes);
  return {
    rows: [
      { name: "validateDefinition 500 nodes, re-validation (median of 30)", value: medianMs, unit: "ms" },
      {
        name: "validateDefinition 500 nodes, re-validation (slowest of 30)",
        value: Math.max(...times),
        unit: "ms",
      },
      { name: "validateDefinition 500 nodes, no cached CEL checks (median)", value: coldMs, unit: "ms" },
      {
        name: "nodes / edges in the generated workflow",
        value: definition.nodes.length,
        unit: `nodes (${definition.edges.length} edges)`,
      },
      { name: "problems found in the generated workflow", value: problems.length, unit: "problems" },
    ],
    figures: {
      validate_500_ms: Number(medianMs.toFixed(2)),
      validate_500_cold_ms: Number(coldMs.toFixed(2)),
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  printBenchResult(await runValidateBench());
}
