import { ERROR_CODES, type HttpRequest, type HttpResponse, type SerializedError } from "@flowdesk/core";

export interface HttpCallOutcome {
  response?: HttpResponse;
  error?: SerializedError;
}

const transportError = (message: string): SerializedError => ({
  code: ERROR_CODES.runtime.httpTransport.code,
  kind: "operational",
  message,
  retryable: true,
});

/**
 * Performs one attempt of a service call. Every attempt of one call carries the same
 * Idempotency-Key, so a receiver can drop the duplicate that at-least-once delivery
 * (a crash between the call and the commit) may cause. Any HTTP status is a response;
 * only transport failures and timeouts are errors. The core decides what to retry.
 */
export async function performHttpCall(
  request: HttpRequest,
  idempotencyKey: string,
  fetchImpl: typeof fetch = fetch,
): Promise<HttpCallOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), request.timeoutMs);
  try {
    const init: RequestInit = {
      method: request.method,
      headers: { ...request.headers, "Idempotency-Key": idempotencyKey },
      signal: controller.signal,
    };
    if (request.body !== undefined) init.body = request.body;
    const response = await fetchImpl(request.url, init);
    const text = await response.text();
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return { response: { status: response.status, headers, body: parseBody(text, headers["content-type"]) } };
  } catch (thrown) {
    if (controller.signal.aborted) {
      return {
        error: transportError(`${request.method} ${request.url} timed out after ${request.timeoutMs} ms`),
      };
    }
    const reason =
      thrown instanceof Error
        ? thrown.cause instanceof Error
          ? thrown.cause.message
          : thrown.message
        : String(thrown);
    return { error: transportError(`${request.method} ${request.url} failed: ${reason}`) };
  } finally {
    clearTimeout(timer);
  }
}

const parseBody = (text: string, contentType: string | undefined): unknown => {
  if (text === "") return null;
  if (contentType?.includes("json")) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
};
