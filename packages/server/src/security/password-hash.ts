import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";

/**
 * Password hashing with scrypt at OWASP's recommended cost (N=2^17, r=8, p=1), from
 * node:crypto so no native module is needed. The parameters travel inside the stored
 * hash ("scrypt$N=…,r=…,p=…$salt$hash"), so they can be raised later: old hashes still
 * verify and are replaced on the next successful sign-in (see needsRehash).
 */
export interface ScryptParameters {
  N: number;
  r: number;
  p: number;
}

export const CURRENT_PARAMETERS: Readonly<ScryptParameters> = { N: 2 ** 17, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;

/** scrypt needs 128 * N * r bytes; node's default cap (32 MiB) is below OWASP's cost. */
const maxmemFor = (parameters: ScryptParameters): number => 128 * parameters.N * parameters.r * 2;

const derive = (
  password: string,
  salt: Buffer,
  parameters: ScryptParameters,
  length: number,
): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const options: ScryptOptions = {
      N: parameters.N,
      r: parameters.r,
      p: parameters.p,
      maxmem: maxmemFor(parameters),
    };
    scrypt(password.normalize("NFKC"), salt, length, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });

export async function hashPassword(
  password: string,
  parameters: ScryptParameters = CURRENT_PARAMETERS,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, parameters, KEY_BYTES);
  return `scrypt$N=${parameters.N},r=${parameters.r},p=${parameters.p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

export interface ParsedHash {
  parameters: ScryptParameters;
  salt: Buffer;
  key: Buffer;
}

const HASH_FORMAT = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

export const parsePasswordHash = (stored: string): ParsedHash | undefined => {
  const match = HASH_FORMAT.exec(stored);
  if (match === null) return undefined;
  const [, n, r, p, salt, key] = match;
  return {
    parameters: { N: Number(n), r: Number(r), p: Number(p) },
    salt: Buffer.from(salt ?? "", "base64"),
    key: Buffer.from(key ?? "", "base64"),
  };
};

/** Constant-time comparison; an unreadable stored hash never verifies. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parsePasswordHash(stored);
  if (parsed === undefined || parsed.key.length === 0) return false;
  const key = await derive(password, parsed.salt, parsed.parameters, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
}

export const needsRehash = (stored: string, current: ScryptParameters = CURRENT_PARAMETERS): boolean => {
  const parsed = parsePasswordHash(stored);
  if (parsed === undefined) return true;
  const { N, r, p } = parsed.parameters;
  return N < current.N || r < current.r || p < current.p;
};

/** Verifying against this when the user name is unknown keeps both answers equally slow. */
let decoy: Promise<string> | undefined;
export const decoyHash = (): Promise<string> => {
  decoy ??= hashPassword(randomBytes(16).toString("hex"));
  return decoy;
};
