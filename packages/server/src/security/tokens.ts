import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** 256 bits from the OS CSPRNG, URL-safe: session ids and CSRF tokens. */
export const newSecret = (): string => randomBytes(32).toString("base64url");

/** Sessions are stored by this digest, so the database never holds a usable cookie value. */
export const sessionIdHash = (sessionId: string): string =>
  createHash("sha256").update(sessionId).digest("hex");

/** Compares two secrets without leaking, through timing, how much of them matched. */
export const secretsEqual = (received: string, expected: string): boolean => {
  const a = createHash("sha256").update(received).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b) && received.length === expected.length;
};
