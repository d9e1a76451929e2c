import { UNEXPECTED_ERROR } from "@flowdesk/core";
import { describe, expect, it } from "vitest";
import { problemErrorHandler } from "../../packages/server/src/http/error-handler.ts";

/** Just enough of express's Response for the handler: what it sets is what it answers. */
class RecordedResponse {
  headersSent = false;
  statusCode = 0;
  contentType = "";
  body = "";
  status(code: number): this {
    this.statusCode = code;
    return this;
  }
  type(contentType: string): this {
    this.contentType = contentType;
    return this;
  }
  setHeader(): void {}
  send(body: string): this {
    this.body = body;
    return this;
  }
}

describe("the error handler", () => {
  it("answers a failure nobody foresaw with a 500 carrying the one unexpected code", () => {
    // given
    const logged: string[] = [];
    const handler = problemErrorHandler((message) => logged.push(message));
    const response = new RecordedResponse();
    // when something that is not a problem is thrown
    const thrown = new TypeError("cannot read properties of undefined");
    handler(thrown, {} as never, response as never, () => {});
    // then the person gets a plain sentence and the stable code, never the internals
    expect(response.statusCode).toBe(500);
    expect(response.contentType).toBe("application/problem+json");
    expect(JSON.parse(response.body)).toMatchObject({ status: 500, code: UNEXPECTED_ERROR.code });
    expect(response.body).not.toContain("cannot read properties");
    expect(logged).toEqual(["unexpected error while handling a request"]);
  });
});
