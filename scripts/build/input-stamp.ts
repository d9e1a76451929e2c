import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

/** Folders never read as build input: outputs and installed packages. */
const SKIPPED_FOLDERS = new Set(["node_modules", "dist", ".vite"]);

const filesUnder = (path: string): string[] => {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  const files: string[] = [];
  for (const entry of readdirSync(path).sort()) {
    if (SKIPPED_FOLDERS.has(entry)) continue;
    files.push(...filesUnder(join(path, entry)));
  }
  return files;
};

/**
 * One hash over the names and contents of every input file: a build is current when
 * the hash stored next to its output equals this one. Contents, not modification
 * times, so a fresh clone or a `git checkout` back and forth does not rebuild for nothing.
 */
export const hashInputs = (root: string, inputs: readonly string[]): string => {
  const hash = createHash("sha256");
  for (const input of inputs) {
    for (const file of filesUnder(join(root, input))) {
      hash.update(relative(root, file));
      hash.update("\0");
      hash.update(readFileSync(file));
      hash.update("\0");
    }
  }
  return hash.digest("hex");
};

/** True when `output` exists and the stamp beside it records the same inputs hash. */
export const isCurrent = (output: string, stampFile: string, inputsHash: string): boolean =>
  existsSync(output) && existsSync(stampFile) && readFileSync(stampFile, "utf8").trim() === inputsHash;

export const writeStamp = (stampFile: string, inputsHash: string): void => {
  writeFileSync(stampFile, `${inputsHash}\n`);
};
