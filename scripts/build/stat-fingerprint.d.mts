/** Types of stat-fingerprint.mjs (plain JavaScript so `pnpm start` can check without tsx). */
export type FingerprintEntry = [path: string, description: string];
export declare const takeFingerprint: (
  root: string,
  inputs: readonly string[],
  outputs: readonly string[],
) => FingerprintEntry[];
export declare const writeFingerprint: (file: string, entries: FingerprintEntry[]) => void;
export declare const fingerprintMatches: (root: string, file: string) => boolean;
