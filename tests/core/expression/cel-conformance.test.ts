import { isDeepStrictEqual } from "node:util";
import type { Value } from "@bufbuild/cel-spec/cel/expr/value_pb.js";
import { getTestRegistry } from "@bufbuild/cel-spec/testdata/registry.js";
import {
  getConformanceSuite,
  type IncrementalTest,
  type IncrementalTestSuite,
} from "@bufbuild/cel-spec/testdata/tests.js";
import { anyUnpack } from "@bufbuild/protobuf/wkt";
import { evaluateExpression, FlowdeskError } from "@flowdesk/core";
import { describe, expect, it } from "vitest";
import flowdeskSpecFiles from "../../fixtures/expression/flowdesk-cel-spec-files.json" with { type: "json" };

/**
 * The official cel-spec conformance cases of the language Flowdesk uses, run through the
 * public API, so Flowdesk's own additions (charged standard functions, bounded `+`,
 * `matches` and `size`, mixed arithmetic) are shown not to change CEL's answers.
 * Results are compared in their JSON form, as callers see them.
 *
 * One deliberate difference: a call to a function that does not exist is refused before
 * evaluation (FD3011, so the designer flags it), where CEL only fails when the call is
 * reached and lets `f_unknown(17) || true` be true.
 */
const UNKNOWN_FUNCTION = /^There is no function named /;
const FILES: readonly string[] = flowdeskSpecFiles;
const MESSAGE_SYNTAX = /google\.protobuf\.|cel\.expr\.|TestAllTypes|NestedEnum|GlobalEnum/;
const registry = getTestRegistry();

class NotJson extends Error {}

const integer = (n: bigint): number | string =>
  n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString();

const iso = (seconds: bigint, nanos: number): string =>
  new Date(Number(seconds) * 1000 + Math.floor(nanos / 1e6)).toISOString();

/** The JSON form Flowdesk returns for an expected cel-spec value. */
const asJson = (value: Value | undefined): unknown => {
  const k = value?.kind;
  switch (k?.case) {
    case "nullValue":
      return null;
    case "boolValue":
    case "stringValue":
      return k.value;
    case "doubleValue":
      return Object.is(k.value, -0) ? 0 : k.value;
    case "int64Value":
    case "uint64Value":
      return integer(k.value);
    case "bytesValue":
      return btoa(String.fromCharCode(...k.value));
    case "typeValue":
      return k.value;
    case "listValue":
      return k.value.values.map(asJson);
    case "mapValue":
      return Object.fromEntries(k.value.entries.map((e) => [String(asJson(e.key)), asJson(e.value)]));
    case "objectValue": {
      const message = anyUnpack(k.value, registry) as unknown as Record<string, unknown> | undefined;
      if (message?.$typeName === "google.protobuf.Timestamp") {
        return iso(message.seconds as bigint, message.nanos as number);
      }
      throw new NotJson();
    }
    default:
      throw new NotJson();
  }
};

const normalise = (value: unknown): unknown =>
  Object.is(value, -0)
    ? 0
    : Array.isArray(value)
      ? value.map(normalise)
      : value !== null && typeof value === "object"
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]))
        : value;

interface Case {
  name: string;
  expr: string;
  expected: unknown;
  error: boolean;
}

const runnable = (test: IncrementalTest): Case | undefined => {
  const t = test.original;
  const m = t.resultMatcher;
  if (
    t.checkOnly ||
    t.container !== "" ||
    Object.keys(t.bindings).length > 0 ||
    MESSAGE_SYNTAX.test(t.expr)
  ) {
    return undefined;
  }
  if (m.case === "evalError" || m.case === "anyEvalErrors") {
    return { name: test.name, expr: t.expr, expected: undefined, error: true };
  }
  try {
    const value = m.case === "value" ? m.value : m.case === "typedResult" ? m.value.result : undefined;
    if (m.case !== undefined && value === undefined) return undefined;
    return {
      name: test.name,
      expr: t.expr,
      expected: value === undefined ? true : asJson(value),
      error: false,
    };
  } catch (thrown) {
    if (thrown instanceof NotJson) return undefined;
    throw thrown;
  }
};

const collect = (suite: IncrementalTestSuite): IncrementalTest[] => [
  ...suite.tests,
  ...suite.suites.flatMap((s) => collect(s)),
];

describe.each(getConformanceSuite().suites.filter((file) => FILES.includes(file.name)))(
  "cel-spec conformance: $name",
  (file) => {
    const cases = collect(file)
      .map(runnable)
      .filter((c): c is Case => c !== undefined);

    it(`runs its ${cases.length} cases through evaluateExpression`, () => {
      // given
      const outcomes = cases.map((c) => {
        // when
        try {
          const result = normalise(evaluateExpression(c.expr, {}, { maxSourceLength: 100_000 }));
          return {
            name: c.name,
            expr: c.expr,
            result,
            expected: c.error ? "an error" : normalise(c.expected),
          };
        } catch (thrown) {
          if (!(thrown instanceof FlowdeskError)) throw thrown;
          return {
            name: c.name,
            expr: c.expr,
            result: c.error ? "an error" : thrown.message,
            expected: c.error ? "an error" : normalise(c.expected),
          };
        }
      });
      // then
      const wrong = outcomes.filter(
        (o) => !isDeepStrictEqual(o.result, o.expected) && !UNKNOWN_FUNCTION.test(String(o.result)),
      );
      expect(cases.length).toBeGreaterThan(0);
      expect(wrong).toEqual([]);
    });
  },
);
