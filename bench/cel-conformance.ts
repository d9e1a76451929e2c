/**
 * Runs the official cel-spec conformance data (the "simple test" files shipped in
 * @bufbuild/cel-spec) against one CEL implementation through a small adapter, so both
 * candidates are judged by the same cases and the same result comparison.
 *
 * Values are compared through a canonical text form (`i:1`, `u:1`, `d:1.5`, lists,
 * maps with sorted entries, timestamps as seconds.nanos), because each library has its
 * own runtime representation of CEL values.
 */
import type { Value } from "@bufbuild/cel-spec/cel/expr/value_pb.js";
import type { IncrementalTest, IncrementalTestSuite } from "@bufbuild/cel-spec/testdata/tests.js";
import { type Message, type Registry, toJsonString } from "@bufbuild/protobuf";
import { anyUnpack } from "@bufbuild/protobuf/wkt";

export type Outcome = "pass" | "fail" | "unsupported";

/** Why a case cannot be expressed for a library: it is counted as unsupported, not run. */
export class Unsupported extends Error {}

export interface CelAdapter {
  name: string;
  /** Converts one binding (a cel-spec Value) into the library's input, or throws Unsupported. */
  input(value: Value, registry: Registry): unknown;
  /** Parses, plans and evaluates; throws on any CEL error (parse, type or evaluation). */
  run(expr: string, bindings: Record<string, unknown>, container: string): unknown;
  /** Canonical text of a library result, or throws Unsupported. */
  canonical(result: unknown): string;
  /** Cases the library cannot express at all (e.g. protobuf messages), checked before running. */
  unsupportedReason(test: IncrementalTest): string | undefined;
}

export interface FileTally {
  file: string;
  pass: number;
  fail: number;
  unsupported: number;
}

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

export const canonicalDouble = (n: number): string => `d:${Object.is(n, -0) ? 0 : n}`;

export const canonicalTimestamp = (seconds: bigint, nanos: number): string => `ts:${seconds}.${nanos}`;
export const canonicalDuration = (seconds: bigint, nanos: number): string => `dur:${seconds}.${nanos}`;

export const canonicalMap = (entries: [string, string][]): string =>
  `{${entries
    .map(([k, v]) => `${k}=>${v}`)
    .sort()
    .join(",")}}`;

export const canonicalScalar = (v: unknown): string | undefined => {
  if (v === null) return "null";
  if (typeof v === "boolean") return `b:${v}`;
  if (typeof v === "bigint") return `i:${v}`;
  if (typeof v === "number") return canonicalDouble(v);
  if (typeof v === "string") return `s:${JSON.stringify(v)}`;
  if (v instanceof Uint8Array) return `y:${hex(v)}`;
  return undefined;
};

const WRAPPERS = new Set([
  "google.protobuf.BoolValue",
  "google.protobuf.Int32Value",
  "google.protobuf.Int64Value",
  "google.protobuf.UInt32Value",
  "google.protobuf.UInt64Value",
  "google.protobuf.FloatValue",
  "google.protobuf.DoubleValue",
  "google.protobuf.StringValue",
  "google.protobuf.BytesValue",
]);

/** Canonical text of a protobuf message result, shared by both adapters. */
export const canonicalMessage = (typeName: string, message: Message, registry: Registry): string => {
  const m = message as unknown as Record<string, unknown>;
  if (typeName === "google.protobuf.Timestamp")
    return canonicalTimestamp(m.seconds as bigint, m.nanos as number);
  if (typeName === "google.protobuf.Duration")
    return canonicalDuration(m.seconds as bigint, m.nanos as number);
  if (WRAPPERS.has(typeName)) {
    const inner = m.value;
    if (typeName.includes("UInt")) return `u:${inner}`;
    if (typeName.includes("Int")) return `i:${inner}`;
    return canonicalScalar(inner) ?? "?";
  }
  const desc = registry.getMessage(typeName);
  if (desc === undefined) throw new Unsupported(`unknown message ${typeName}`);
  return `msg:${typeName}:${toJsonString(desc, message, { registry })}`;
};

/** Canonical text of an expected cel-spec Value. */
export const canonicalExpected = (value: Value, registry: Registry): string => {
  const k = value.kind;
  switch (k.case) {
    case "nullValue":
      return "null";
    case "boolValue":
      return `b:${k.value}`;
    case "int64Value":
      return `i:${k.value}`;
    case "uint64Value":
      return `u:${k.value}`;
    case "doubleValue":
      return canonicalDouble(k.value);
    case "stringValue":
      return `s:${JSON.stringify(k.value)}`;
    case "bytesValue":
      return `y:${hex(k.value)}`;
    case "enumValue":
      return `i:${k.value.value}`;
    case "typeValue":
      return `t:${k.value}`;
    case "listValue":
      return `[${k.value.values.map((v) => canonicalExpected(v, registry)).join(",")}]`;
    case "mapValue":
      return canonicalMap(
        k.value.entries.map((e) => [
          canonicalExpected(e.key ?? ({ kind: { case: undefined } } as Value), registry),
          canonicalExpected(e.value ?? ({ kind: { case: undefined } } as Value), registry),
        ]),
      );
    case "objectValue": {
      const message = anyUnpack(k.value, registry);
      if (message === undefined) throw new Unsupported(`cannot unpack ${k.value.typeUrl}`);
      return canonicalMessage(message.$typeName, message, registry);
    }
    default:
      throw new Unsupported("value without kind");
  }
};

const runOne = (adapter: CelAdapter, test: IncrementalTest, registry: Registry): Outcome => {
  const t = test.original;
  const matcher = t.resultMatcher;
  if (t.checkOnly || matcher.case === "unknown" || matcher.case === "anyUnknowns") return "unsupported";
  if (adapter.unsupportedReason(test) !== undefined) return "unsupported";
  let expected: string | "error";
  let bindings: Record<string, unknown>;
  try {
    bindings = {};
    for (const [name, exprValue] of Object.entries(t.bindings)) {
      if (exprValue.kind.case !== "value") return "unsupported";
      bindings[name] = adapter.input(exprValue.kind.value, registry);
    }
    if (matcher.case === "evalError" || matcher.case === "anyEvalErrors") expected = "error";
    else if (matcher.case === "value") expected = canonicalExpected(matcher.value, registry);
    else if (matcher.case === "typedResult" && matcher.value.result !== undefined)
      expected = canonicalExpected(matcher.value.result, registry);
    else expected = "b:true"; // a case without a matcher expects true
  } catch (e) {
    if (e instanceof Unsupported) return "unsupported";
    throw e;
  }
  let actual: string;
  try {
    actual = adapter.canonical(adapter.run(t.expr, bindings, t.container));
  } catch (e) {
    if (e instanceof Unsupported) return "unsupported";
    return expected === "error" ? "pass" : "fail";
  }
  return actual === expected ? "pass" : "fail";
};

const collect = (suite: IncrementalTestSuite): IncrementalTest[] => [
  ...suite.tests,
  ...suite.suites.flatMap((s) => collect(s)),
];

/** One tally per simple-test file (the top-level suites of the conformance data). */
export const runConformance = (
  adapter: CelAdapter,
  root: IncrementalTestSuite,
  registry: Registry,
): FileTally[] =>
  root.suites.map((file) => {
    const tally: FileTally = { file: file.name, pass: 0, fail: 0, unsupported: 0 };
    for (const test of collect(file)) tally[runOne(adapter, test, registry)] += 1;
    return tally;
  });
