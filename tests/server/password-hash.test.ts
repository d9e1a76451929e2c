import {
  CURRENT_PARAMETERS,
  hashPassword,
  needsRehash,
  parsePasswordHash,
  verifyPassword,
} from "@flowdesk/server";
import { describe, expect, it } from "vitest";

describe("password hashing", () => {
  it("uses scrypt at OWASP's cost with a 16-byte salt, and keeps the parameters in the hash", async () => {
    // when a password is hashed with the defaults
    const stored = await hashPassword("a long enough passphrase");

    // then the stored form names scrypt with N=2^17, r=8, p=1 and carries a 16-byte salt and 32-byte key
    expect(stored.startsWith("scrypt$N=131072,r=8,p=1$")).toBe(true);
    const parsed = parsePasswordHash(stored);
    expect(parsed?.parameters).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    expect(CURRENT_PARAMETERS).toEqual({ N: 131072, r: 8, p: 1 });
    expect(parsed?.salt.length).toBe(16);
    expect(parsed?.key.length).toBe(32);
  });

  it("verifies the right password and refuses a wrong one", async () => {
    // given a stored hash
    const stored = await hashPassword("a long enough passphrase");

    // then only the right password verifies
    expect(await verifyPassword("a long enough passphrase", stored)).toBe(true);
    expect(await verifyPassword("a long enough passphrasf", stored)).toBe(false);
  });

  it("salts every hash differently", async () => {
    // when the same password is hashed twice (cheap parameters keep this test quick)
    const cheap = { N: 1024, r: 8, p: 1 };
    const first = await hashPassword("same", cheap);
    const second = await hashPassword("same", cheap);

    // then the hashes differ but both verify
    expect(first).not.toBe(second);
    expect(await verifyPassword("same", first)).toBe(true);
    expect(await verifyPassword("same", second)).toBe(true);
  });

  it("asks for a rehash when a stored hash used weaker parameters, so they can be raised", async () => {
    // given a hash made with weaker parameters than today's
    const old = await hashPassword("legacy", { N: 1024, r: 8, p: 1 });

    // then it still verifies, and is flagged for a rehash; today's hashes are not
    expect(await verifyPassword("legacy", old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(`scrypt$N=131072,r=8,p=1$${"A".repeat(24)}$${"B".repeat(44)}`)).toBe(false);
  });

  it("never verifies an unreadable stored hash", async () => {
    // then garbage and other formats are refused, not thrown on
    expect(await verifyPassword("x", "plain-text-password")).toBe(false);
    expect(await verifyPassword("x", "scrypt$N=abc$$")).toBe(false);
    expect(needsRehash("md5$abc")).toBe(true);
  });
});
