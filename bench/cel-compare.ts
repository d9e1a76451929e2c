/**
 * Chooses Flowdesk's CEL implementation by measurement: cel-spec conformance and speed
 * of @bufbuild/cel and @marcbachmann/cel-js in the same run.
 *
 *   npx tsx bench/cel-compare.ts
 *
 * Prints the per-file conformance table, the totals, the speed table and one JSON line.
 */
import os from "node:os";
import {
  parse as bufParse,
  plan as bufPlan,
  type CelEnv,
  celEnv,
  celUint,
  isCelError,
  isCelList,
  isCelMap,
  isCelType,
  isCelUint,
} from "@bufbuild/cel";
import { strings } from "@bufbuild/cel/ext";
import type { Value } from "@bufbuild/cel-spec/cel/expr/value_pb.js";
import { getTestRegistry } from "@bufbuild/cel-spec/testdata/registry.js";
import { getConformanceSuite, type IncrementalTest } from "@bufbuild/cel-spec/testdata/tests.js";
import { isReflectMessage } from "@bufbuild/protobuf/reflect";
import { anyUnpack } from "@bufbuild/protobuf/wkt";
import { Environment } from "@marcbachmann/cel-js";
import { Duration, UnsignedInt } from "@marcbachmann/cel-js/evaluator";
import flowdeskSpecFiles from "../tests/fixtures/expression/flowdesk-cel-spec-files.json" with {
  type: "json",
};
import {
  type CelAdapter,
  canonicalDuration,
  canonicalMap,
  canonicalMessage,
  canonicalScalar,
  canonicalTimestamp,
  type FileTally,
  runConformance,
  Unsupported,
} from "./cel-conformance.ts";

const registry = getTestRegistry();

/** Shared conversion of a cel-spec binding; `message` decides what each library does with messages. */
const toInput = (value: Value, message: (v: Value) => unknown, uint: (v: bigint) => unknown): unknown => {
  const k = value.kind;
  switch (k.case) {
    case "nullValue":
      return null;
    case "boolValue":
    case "int64Value":
    case "doubleValue":
    case "stringValue":
    case "bytesValue":
      return k.value;
    case "uint64Value":
      return uint(k.value);
    case "enumValue":
      return BigInt(k.value.value);
    case "listValue":
      return k.value.values.map((v) => toInput(v, message, uint));
    case "mapValue":
      return new Map(
        k.value.entries.map((e) => {
          if (e.key === undefined || e.value === undefined) throw new Unsupported("partial map entry");
          return [toInput(e.key, message, uint), toInput(e.value, message, uint)];
        }),
      );
    case "objectValue":
      return message(value);
    default:
      throw new Unsupported(`binding of kind ${k.case}`);
  }
};

const bufEnvs = new Map<string, CelEnv>();
const bufEnv = (container: string): CelEnv => {
  let env = bufEnvs.get(container);
  if (env === undefined) {
    env = celEnv({ namespace: container, registry, funcs: strings });
    bufEnvs.set(container, env);
  }
  return env;
};

const bufCanonical = (r: unknown): string => {
  const scalar = canonicalScalar(r);
  if (scalar !== undefined) return scalar;
  if (isCelUint(r)) return `u:${r.value}`;
  if (isCelList(r)) return `[${Array.from(r, bufCanonical).join(",")}]`;
  if (isCelMap(r)) return canonicalMap(Array.from(r, ([k, v]) => [bufCanonical(k), bufCanonical(v)]));
  if (isCelType(r)) return `t:${r.name}`;
  if (isReflectMessage(r)) return canonicalMessage(r.desc.typeName, r.message, registry);
  throw new Unsupported("unknown result representation");
};

const bufbuild: CelAdapter = {
  name: "@bufbuild/cel 0.6.1",
  input: (value) =>
    toInput(
      value,
      (v) => {
        if (v.kind.case !== "objectValue") throw new Unsupported("not a message");
        const m = anyUnpack(v.kind.value, registry);
        if (m === undefined) throw new Unsupported(`cannot unpack ${v.kind.value.typeUrl}`);
        return m;
      },
      celUint,
    ),
  run: (expr, bindings, container) => {
    const result = bufPlan(bufEnv(container), bufParse(expr))(bindings as never);
    if (isCelError(result)) throw result;
    return result;
  },
  canonical: bufCanonical,
  unsupportedReason: () => undefined,
};

/** Messages cel-js can represent: well-known timestamps, durations and wrappers. */
const WELL_KNOWN = /^type\.googleapis\.com\/google\.protobuf\.(Timestamp|Duration|\w+Value)$/;
const MESSAGE_SYNTAX = /google\.protobuf\.|cel\.expr\.|TestAllTypes|TestRequired|NestedEnum|GlobalEnum/;

const usesMessages = (value: Value | undefined): boolean => {
  const k = value?.kind;
  if (k === undefined) return false;
  if (k.case === "objectValue")
    return !WELL_KNOWN.test(k.value.typeUrl) || k.value.typeUrl.endsWith(".Value");
  if (k.case === "listValue") return k.value.values.some(usesMessages);
  if (k.case === "mapValue") return k.value.entries.some((e) => usesMessages(e.key) || usesMessages(e.value));
  return false;
};

const marcEnv = new Environment({
  unlistedVariablesAreDyn: true,
  homogeneousAggregateLiterals: false,
  enableOptionalTypes: true,
});

const marcCanonical = (r: unknown): string => {
  const scalar = canonicalScalar(r);
  if (scalar !== undefined) return scalar;
  if (r instanceof UnsignedInt) return `u:${r.value}`;
  if (Array.isArray(r)) return `[${r.map(marcCanonical).join(",")}]`;
  if (r instanceof Map) return canonicalMap(Array.from(r, ([k, v]) => [marcCanonical(k), marcCanonical(v)]));
  if (r instanceof Date) {
    const ms = r.getTime();
    return canonicalTimestamp(BigInt(Math.floor(ms / 1000)), (((ms % 1000) + 1000) % 1000) * 1e6);
  }
  if (r instanceof Duration) return canonicalDuration(r.seconds, r.nanos);
  if (typeof r === "object" && r !== null && String(r).startsWith("Type<")) {
    return `t:${(r as { name: string }).name}`;
  }
  if (typeof r === "object" && r !== null && Object.getPrototypeOf(r) === Object.prototype) {
    return canonicalMap(Object.entries(r).map(([k, v]) => [`s:${JSON.stringify(k)}`, marcCanonical(v)]));
  }
  throw new Unsupported("unknown result representation");
};

const marc: CelAdapter = {
  name: "@marcbachmann/cel-js 8.0.0",
  input: (value) =>
    toInput(
      value,
      (v) => {
        if (v.kind.case !== "objectValue") throw new Unsupported("not a message");
        const m = anyUnpack(v.kind.value, registry) as unknown as Record<string, unknown> | undefined;
        if (m === undefined) throw new Unsupported("cannot unpack");
        if (m.$typeName === "google.protobuf.Timestamp") {
          const nanos = m.nanos as number;
          if (nanos % 1e6 !== 0) throw new Unsupported("sub-millisecond timestamp");
          return new Date(Number(m.seconds as bigint) * 1000 + nanos / 1e6);
        }
        if (m.$typeName === "google.protobuf.Duration")
          return new Duration(m.seconds as bigint, m.nanos as number);
        throw new Unsupported("protobuf message binding");
      },
      (n) => new UnsignedInt(n),
    ),
  run: (expr, bindings) => marcEnv.evaluate(expr, bindings),
  canonical: marcCanonical,
  unsupportedReason: (test: IncrementalTest) => {
    const t = test.original;
    if (t.container !== "") return "container";
    if (MESSAGE_SYNTAX.test(t.expr)) return "protobuf message syntax";
    if (Object.values(t.bindings).some((b) => b.kind.case === "value" && usesMessages(b.kind.value)))
      return "protobuf message binding";
    const m = t.resultMatcher;
    if (m.case === "value" && usesMessages(m.value)) return "protobuf message result";
    return undefined;
  },
};

// --- speed ------------------------------------------------------------------------------

const CONDITION = 'priority == "P1" && impact in ["high","critical"] && !major';
const VARIABLES = { priority: "P1", impact: "high", major: false };

/** Calls `fn` for `ms` after a warm-up and returns calls per second. */
const rate = (fn: (i: number) => void, ms: number): number => {
  for (let i = 0; i < 20_000; i++) fn(i);
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 1_000; i++) fn(calls + i);
    calls += 1_000;
    elapsed = performance.now() - start;
  }
  return (calls / elapsed) * 1000;
};

interface SpeedRow {
  library: string;
  evalsPerSecond: number;
  parseMicros: number;
}

const speed = (): SpeedRow[] => {
  const env = celEnv();
  const bufProgram = bufPlan(env, bufParse(CONDITION));
  if (bufProgram(VARIABLES) !== true) throw new Error("@bufbuild/cel gave a wrong answer");
  const marcProgram = marcEnv.parse(CONDITION);
  if (marcProgram(VARIABLES) !== true) throw new Error("cel-js gave a wrong answer");
  // Distinct sources per parse so no library-side cache can answer.
  const variant = (i: number): string => `${CONDITION} && n != ${i}`;
  return [
    {
      library: bufbuild.name,
      evalsPerSecond: rate(() => bufProgram(VARIABLES), 2_000),
      parseMicros: 1e6 / rate((i) => bufPlan(env, bufParse(variant(i))), 1_000),
    },
    {
      library: marc.name,
      evalsPerSecond: rate(() => marcProgram(VARIABLES), 2_000),
      parseMicros: 1e6 / rate((i) => marcEnv.parse(variant(i)), 1_000),
    },
  ];
};

// --- report -----------------------------------------------------------------------------

/**
 * The files that exercise what Flowdesk expressions use on JSON data: no protobuf
 * messages, no extension libraries, no optional types.
 */
const FLOWDESK_FILES = new Set<string>(flowdeskSpecFiles);

const sum = (tallies: FileTally[]) =>
  tallies.reduce(
    (a, t) => ({ pass: a.pass + t.pass, fail: a.fail + t.fail, unsupported: a.unsupported + t.unsupported }),
    { pass: 0, fail: 0, unsupported: 0 },
  );

const main = (): void => {
  const suite = getConformanceSuite();
  const bufTally = runConformance(bufbuild, suite, registry);
  const marcTally = runConformance(marc, suite, registry);
  console.log(`machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "?"}, Node ${process.version}`);
  console.log(`\nconformance (cel-spec ${"v0.25.1"} simple tests, pass / fail / unsupported)`);
  console.log(`${"file".padEnd(22)} ${bufbuild.name.padEnd(26)} ${marc.name}`);
  const cell = (t: FileTally | undefined) => (t ? `${t.pass} / ${t.fail} / ${t.unsupported}` : "-");
  bufTally.forEach((b, i) => {
    console.log(`${b.file.padEnd(22)} ${cell(b).padEnd(26)} ${cell(marcTally[i])}`);
  });
  const bufSum = sum(bufTally);
  const marcSum = sum(marcTally);
  const total = (s: typeof bufSum) => `${s.pass} / ${s.fail} / ${s.unsupported}`;
  console.log(`${"TOTAL".padEnd(22)} ${total(bufSum).padEnd(26)} ${total(marcSum)}`);
  const relevant = (tallies: FileTally[]) => tallies.filter((t) => FLOWDESK_FILES.has(t.file));
  const bufCore = sum(relevant(bufTally));
  const marcCore = sum(relevant(marcTally));
  console.log(`${"FLOWDESK SUBSET".padEnd(22)} ${total(bufCore).padEnd(26)} ${total(marcCore)}`);
  console.log(`  (subset: ${[...FLOWDESK_FILES].join(", ")})`);

  const rows = speed();
  console.log(`\nspeed: ${CONDITION}`);
  for (const r of rows) {
    console.log(
      `${r.library.padEnd(28)} ${Math.round(r.evalsPerSecond).toLocaleString("en")} evals/s (prepared), parse+prepare ${r.parseMicros.toFixed(1)} µs`,
    );
  }
  console.log(
    JSON.stringify({
      conformance: { bufbuild: bufSum, celjs: marcSum },
      flowdesk_subset: { bufbuild: bufCore, celjs: marcCore },
      speed: rows.map((r) => ({
        library: r.library,
        evals_per_s: Math.round(r.evalsPerSecond),
        parse_us: Number(r.parseMicros.toFixed(2)),
      })),
    }),
  );
};

main();
