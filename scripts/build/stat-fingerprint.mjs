/**
 * A cheap "did anything change?" check for `pnpm start`, in plain JavaScript so the
 * start needs no TypeScript loader when nothing changed. It records the size and
 * modification time of every input file and folder (a folder's time changes when an
 * entry is added, removed or renamed), plus the output and its stamp. A match means
 * the content hash (input-stamp.ts) need not be computed again; a mismatch only means
 * "hash again", which may still find the build current (a fresh checkout, a touch).
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

/** The same folders input-stamp.ts skips: outputs and installed packages. */
const SKIPPED_FOLDERS = new Set(["node_modules", "dist", ".vite"]);

const describe = (path) => {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats === undefined) return "missing";
  return `${stats.isDirectory() ? "folder" : "file"} ${stats.size} ${stats.mtimeMs}`;
};

const walk = (root, path, entries) => {
  entries.push([relative(root, path), describe(path)]);
  if (!existsSync(path) || !statSync(path).isDirectory()) return;
  for (const entry of readdirSync(path).sort()) {
    if (!SKIPPED_FOLDERS.has(entry)) walk(root, join(path, entry), entries);
  }
};

/** Size and time of every path under `inputs` and of each of `outputs` (relative to `root`). */
export const takeFingerprint = (root, inputs, outputs) => {
  const entries = [];
  for (const input of inputs) walk(root, join(root, input), entries);
  for (const output of outputs) entries.push([relative(root, output), describe(output)]);
  return entries;
};

export const writeFingerprint = (file, entries) => {
  writeFileSync(file, `${JSON.stringify(entries)}\n`);
};

/**
 * True when every path recorded in `file` still has the recorded size and time. Reads
 * no folder listing and no content: a folder whose entries changed has a new time.
 */
export const fingerprintMatches = (root, file) => {
  if (!existsSync(file)) return false;
  let entries;
  try {
    entries = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return false;
  }
  if (!Array.isArray(entries) || entries.length === 0) return false;
  return entries.every(
    (entry) => Array.isArray(entry) && describe(join(root, String(entry[0]))) === entry[1],
  );
};
