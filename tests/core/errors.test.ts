import { FlowdeskError, toFlowdeskError, userError } from "@flowdesk/core";
import { describe, expect, it } from "vitest";

describe("FlowdeskError", () => {
  it("survives a JSON round trip with code, pointer and retryable intact", () => {
    // given
    const error = userError("FD1001", "Title is required.", "/title");
    // when
    const revived = FlowdeskError.fromJSON(JSON.parse(JSON.stringify(error)));
    // then
    expect(revived.toJSON()).toEqual({
      code: "FD1001",
      kind: "user",
      message: "Title is required.",
      pointer: "/title",
      retryable: false,
    });
  });

  it("wraps foreign throwables as unexpected errors", () => {
    // when
    const wrapped = toFlowdeskError(new TypeError("boom"));
    // then
    expect(wrapped.kind).toBe("unexpected");
    expect(wrapped.code).toBe("FD9000");
    expect(wrapped.message).toBe("boom");
  });
});
