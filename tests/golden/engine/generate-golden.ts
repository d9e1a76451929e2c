/**
 * Writes the golden files of this folder. Run it only on purpose, after reviewing why a
 * trace changed:  npx tsx tests/golden/engine/generate-golden.ts [traces|saved-states]
 * Saved states are history: once committed they must keep resuming, so regenerate them
 * only when adding new ones, never to make an old one pass.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SlaPolicy, WorkflowDefinition } from "@flowdesk/core";
import { INSTANCE_STATE_VERSION } from "@flowdesk/core";
import {
  contextFactory,
  replay,
  replayTrace,
  type SavedStateFile,
  type TimedEvent,
  type TraceFile,
} from "./golden-host.ts";

const here = import.meta.dirname;
const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(join(here, "../../engine/core/fixtures", name), "utf8")) as T;
const bench = <T>(name: string): T =>
  JSON.parse(readFileSync(join(here, "../../../bench", name), "utf8")) as T;
const at = (time: string) => `2026-03-02T${time}:00.000Z`;
const write = (path: string, data: unknown) =>
  writeFileSync(join(here, path), `${JSON.stringify(data, null, 2)}\n`);

interface Scenario {
  name: string;
  description: string;
  definition: WorkflowDefinition;
  slaPolicy?: SlaPolicy;
  before: TimedEvent[];
  resume: TimedEvent[];
}

const start = (data: Record<string, unknown>, time = "14:00"): TimedEvent => ({
  at: at(time),
  event: { type: "instance.start", instanceId: "inc-1", requester: "alice", data },
});

const scenarios: Scenario[] = [
  {
    name: "parallel-review-half-joined",
    description: "Three parallel reviews, one done: a fork region with two live tokens and one arrival.",
    definition: fixture("parallel-review.workflow.json"),
    before: [start({}), { at: at("15:00"), event: { type: "task.completed", taskId: "task-2", by: "sec" } }],
    resume: [
      { at: at("16:00"), event: { type: "task.completed", taskId: "task-1", by: "net" } },
      { at: at("16:30"), event: { type: "task.completed", taskId: "task-3", by: "dba" } },
      { at: at("17:00"), event: { type: "task.completed", taskId: "r-task-1", by: "chg" } },
    ],
  },
  {
    name: "approval-quorum-delegated",
    description: "2-of-3 approval with one approval in and one task delegated; the timeout timer armed.",
    definition: fixture("approval-quorum.workflow.json"),
    before: [
      start({ manager: "cleo" }),
      {
        at: at("14:10"),
        event: { type: "approval.decided", taskId: "task-1", by: "ann", decision: "approved" },
      },
      { at: at("14:20"), event: { type: "approval.delegated", taskId: "task-2", by: "ben", to: "eve" } },
    ],
    resume: [
      {
        at: at("15:00"),
        event: { type: "approval.decided", taskId: "task-2", by: "eve", decision: "approved" },
      },
    ],
  },
  {
    name: "escalation-after-reminder",
    description: "A task whose non-interrupting reminder fired; the interrupting escalation still armed.",
    definition: fixture("escalation.workflow.json"),
    before: [start({ title: "VPN down" }), { at: at("16:00"), event: { type: "job.fired", jobId: "job-1" } }],
    resume: [
      { at: at("22:00"), event: { type: "job.fired", jobId: "job-2" } },
      { at: at("23:00"), event: { type: "task.completed", taskId: "r-task-1", by: "second" } },
    ],
  },
  {
    name: "service-call-backing-off",
    description: "An HTTP call that failed once and waits for its retry back-off job.",
    definition: fixture("cmdb-lookup.workflow.json"),
    before: [
      start({ ci: "srv-42", number: "INC0042" }),
      {
        at: at("14:00"),
        event: { type: "http.result", callId: "call-1", attempt: 1, response: { status: 503 } },
      },
    ],
    resume: [
      { at: "2026-03-02T14:00:01.000Z", event: { type: "job.fired", jobId: "job-1" } },
      {
        at: "2026-03-02T14:00:02.000Z",
        event: {
          type: "http.result",
          callId: "call-1",
          attempt: 2,
          response: { status: 200, body: { owner: "storage" } },
        },
      },
    ],
  },
  {
    name: "sla-paused-on-customer",
    description: "A P1 incident whose SLA clocks are paused while waiting on the customer.",
    definition: fixture("simple-task.workflow.json"),
    slaPolicy: fixture("wall-clock-sla.policy.json"),
    before: [
      start({ priority: "P1" }),
      {
        at: at("14:20"),
        event: { type: "variables.set", by: "bob", variables: { state: "waiting-on-customer" } },
      },
    ],
    resume: [
      { at: at("16:00"), event: { type: "variables.set", by: "bob", variables: { state: "in-progress" } } },
      { at: at("16:30"), event: { type: "task.completed", taskId: "task-1", by: "bob" } },
    ],
  },
  {
    name: "vendor-repair-waiting",
    description: "A child instance running, a message wait with its key, and a task, inside one fork region.",
    definition: fixture("vendor-repair.workflow.json"),
    before: [start({ number: "INC0042", asset: { serial: "SN-9" } })],
    resume: [
      {
        at: at("15:00"),
        event: {
          type: "subprocess.completed",
          childInstanceId: "instance-1",
          variables: { rma: "R-77", cost: 60 },
        },
      },
      {
        at: at("16:00"),
        event: { type: "message.deliver", message: "vendor-replied", correlationKey: "RMA-INC0042" },
      },
      { at: at("17:00"), event: { type: "task.completed", taskId: "task-1", by: "bob", outcome: "keep" } },
    ],
  },
];

const what = process.argv[2];

if (what === undefined || what === "saved-states") {
  for (const scenario of scenarios) {
    const results = replay(
      scenario.definition,
      null,
      scenario.before,
      contextFactory("", scenario.slaPolicy),
    );
    const finished = replay(
      scenario.definition,
      results.at(-1)!.state,
      scenario.resume,
      contextFactory("r-", scenario.slaPolicy),
    ).at(-1)!.state;
    const file: SavedStateFile = {
      description: scenario.description,
      writtenByStateVersion: INSTANCE_STATE_VERSION,
      definition: scenario.definition,
      ...(scenario.slaPolicy ? { slaPolicy: scenario.slaPolicy } : {}),
      state: results.at(-1)!.state,
      resume: scenario.resume,
      expected: { status: finished.status, ...(finished.outcome ? { outcome: finished.outcome } : {}) },
    };
    write(`saved-states/v${INSTANCE_STATE_VERSION}-${scenario.name}.json`, file);
  }
}

if (what === undefined || what === "traces") {
  const traces: (Omit<TraceFile, "steps"> & { name: string })[] = [
    {
      name: "reference-incident",
      description: "The benchmark's reference incident from start to end.",
      definition: bench("reference-incident.workflow.json"),
      events: [
        start({ number: "INC0001", title: "VPN down" }),
        {
          at: at("14:30"),
          event: { type: "task.completed", taskId: "task-1", by: "bob", data: { priority: "P1" } },
        },
        {
          at: at("15:00"),
          event: { type: "approval.decided", taskId: "task-2", by: "change-manager", decision: "approved" },
        },
        {
          at: at("15:10"),
          event: { type: "approval.decided", taskId: "task-3", by: "service-owner", decision: "approved" },
        },
        {
          at: at("15:11"),
          event: { type: "http.result", callId: "call-1", attempt: 1, response: { status: 201 } },
        },
      ],
    },
    ...scenarios.map((scenario) => ({
      name: scenario.name,
      description: scenario.description,
      definition: scenario.definition,
      ...(scenario.slaPolicy ? { slaPolicy: scenario.slaPolicy } : {}),
      events: [...scenario.before, ...scenario.resume],
      resumeFrom: scenario.before.length,
    })),
  ];
  for (const trace of traces) {
    const { name, ...input } = trace;
    const results = replayTrace(input);
    const file: TraceFile = { ...input, steps: results.map(({ effects, state }) => ({ effects, state })) };
    write(`traces/${name}.json`, file);
  }
}
