import { join, resolve } from "node:path";
import { hashInputs, isCurrent, writeStamp } from "./input-stamp.ts";
import { bundleServer } from "./server-bundle.ts";
import { takeFingerprint, writeFingerprint } from "./stat-fingerprint.mjs";
import { buildWebApp } from "./web-build.ts";

export const REPOSITORY_ROOT = resolve(import.meta.dirname, "..", "..");

/** Read by every build: the lockfile (dependency versions) and the shared compiler settings. */
const SHARED_INPUTS = ["pnpm-lock.yaml", "tsconfig.json", "scripts/build"];

/** Workspace packages the server bundles; each contributes its src/ and package.json. */
const SERVER_PACKAGES = ["core", "nodes", "engine", "store", "server"];

/**
 * Beside each output's stamp: sizes and times of its inputs when the stamp was last
 * confirmed, read by scripts/start.mjs to skip hashing when nothing was touched.
 */
export const FINGERPRINT_FILE = ".build-fingerprint.json";

export interface BuildTarget {
  name: "server" | "web";
  /** The file whose presence (with a matching stamp) means the target is built. */
  output: string;
  /** Rebuilds when inputs changed (or `force`); true when it built. */
  ensureBuilt(options?: { force?: boolean }): Promise<boolean>;
}

const stampedTarget = (
  name: BuildTarget["name"],
  output: string,
  inputs: readonly string[],
  run: () => Promise<void>,
): BuildTarget => {
  // The stamp lives inside the output folder: a build by other means (vite alone, the
  // browser tests' build) empties that folder, so the next start cannot trust it.
  const stampFile = join(output, "..", ".build-stamp");
  const fingerprintFile = join(output, "..", FINGERPRINT_FILE);
  const allInputs = [...SHARED_INPUTS, ...inputs];
  return {
    name,
    output,
    async ensureBuilt({ force = false } = {}) {
      // Sizes and times are taken before the hash: a file edited while hashing or
      // building then no longer matches them, so the next start hashes again.
      const inputsFingerprint = takeFingerprint(REPOSITORY_ROOT, allInputs, []);
      const inputsHash = hashInputs(REPOSITORY_ROOT, allInputs);
      const current = !force && isCurrent(output, stampFile, inputsHash);
      if (!current) {
        await run();
        writeStamp(stampFile, inputsHash);
      }
      writeFingerprint(fingerprintFile, [
        ...inputsFingerprint,
        ...takeFingerprint(REPOSITORY_ROOT, [], [output, stampFile]),
      ]);
      return !current;
    },
  };
};

const serverEntry = join(REPOSITORY_ROOT, "packages", "server", "src", "main.ts");
export const SERVER_BUNDLE = join(REPOSITORY_ROOT, "packages", "server", "dist", "main.js");

export const serverTarget = stampedTarget(
  "server",
  SERVER_BUNDLE,
  [
    ...SERVER_PACKAGES.flatMap((name) => [`packages/${name}/src`, `packages/${name}/package.json`]),
    "packages/core/schemas",
  ],
  () => bundleServer(serverEntry, SERVER_BUNDLE),
);

const webPackage = join(REPOSITORY_ROOT, "packages", "web");
export const WEB_INDEX = join(webPackage, "dist", "index.html");

export const webTarget = stampedTarget(
  "web",
  WEB_INDEX,
  [
    "packages/web/src",
    "packages/web/public",
    "packages/web/index.html",
    "packages/web/vite.config.ts",
    "packages/web/package.json",
    "packages/core/src",
    "packages/core/schemas",
    "packages/core/package.json",
    "packages/nodes/src",
    "packages/nodes/package.json",
  ],
  () => buildWebApp(webPackage),
);

export const buildTargets: readonly BuildTarget[] = [serverTarget, webTarget];
