/**
 * `pnpm bench start`: how long `pnpm start` takes until the server answers
 * /api/health with 200, for a first start (fresh data folder: migrate, seed, import the
 * starter pack) and a second start on the same folder. Each way of starting is timed
 * from spawn: through `npx -y pnpm@10.34.9 start` as the README says, through the pnpm
 * npx already resolved (what an installed pnpm costs), and the start script alone.
 * Builds are whatever the checkout holds: run once beforehand so they are current.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { homedir, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type BenchResult, type BenchRow, printBenchResult } from "./bench-report.ts";

const REPOSITORY_ROOT = resolve(import.meta.dirname, "..");
const PNPM_VERSION = "10.34.9";
const GIVE_UP_MS = 600_000;

const freePort = (): Promise<number> =>
  new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolvePort(address.port) : reject()));
    });
  });

/** pnpm as npx installed it, so it can be run without npx resolving it again. */
const resolvedPnpm = (): string | undefined => {
  const cache = join(homedir(), ".npm", "_npx");
  if (!existsSync(cache)) return undefined;
  for (const entry of readdirSync(cache)) {
    const pkg = join(cache, entry, "node_modules", "pnpm");
    const manifest = join(pkg, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).version === PNPM_VERSION)
      return join(pkg, "bin", "pnpm.cjs");
  }
  return undefined;
};

const stopGroup = (child: ChildProcess): Promise<void> =>
  new Promise((resolveStop) => {
    if (child.exitCode !== null || child.pid === undefined) return resolveStop();
    child.once("exit", () => resolveStop());
    // The whole group: npx, pnpm and the server each are processes of their own.
    process.kill(-child.pid, "SIGTERM");
  });

/** Milliseconds from spawning `command` until GET /api/health answers 200. */
const timeStart = async (command: string[], dataDir: string): Promise<number> => {
  const port = await freePort();
  const started = performance.now();
  const [program = "", ...args] = command;
  const child = spawn(program, args, {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, PORT: String(port), FLOWDESK_DATA_DIR: dataDir, INIT_CWD: REPOSITORY_ROOT },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let errors = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    errors += chunk.toString();
  });
  try {
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`${command.join(" ")} exited with ${child.exitCode}: ${errors}`);
      if (performance.now() - started > GIVE_UP_MS) throw new Error(`${command.join(" ")} did not answer`);
      const answered = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (response) => response.status === 200,
        () => false,
      );
      if (answered) return performance.now() - started;
      await new Promise((wait) => setTimeout(wait, 50));
    }
  } finally {
    await stopGroup(child);
  }
};

const WAYS: { key: string; label: string; command: () => string[] | undefined }[] = [
  {
    key: "npx",
    label: `npx -y pnpm@${PNPM_VERSION} start`,
    command: () => ["npx", "-y", `pnpm@${PNPM_VERSION}`, "start"],
  },
  {
    key: "pnpm",
    label: "pnpm start (pnpm already resolved)",
    command: () => {
      const pnpm = resolvedPnpm();
      return pnpm === undefined ? undefined : [process.execPath, pnpm, "start"];
    },
  },
  {
    key: "script",
    label: "node scripts/start.mjs",
    command: () => [process.execPath, "--enable-source-maps", "scripts/start.mjs"],
  },
];

const load = (): number => Number(loadavg()[0]?.toFixed(2));

export const runStartBench = async (): Promise<BenchResult> => {
  const rows: BenchRow[] = [];
  const figures: Record<string, number | null> = { "start.load_before": load() };
  for (const way of WAYS) {
    const command = way.command();
    const dataDir = mkdtempSync(join(tmpdir(), "flowdesk-start-bench-"));
    try {
      for (const which of ["first", "second"] as const) {
        const ms = command === undefined ? null : await timeStart(command, dataDir);
        rows.push({ name: `${way.label}: ${which} start to /api/health 200`, value: ms, unit: "ms" });
        figures[`start.${way.key}.${which}_ms`] = ms === null ? null : Math.round(ms);
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  figures["start.load_after"] = load();
  rows.push({
    name: "load average (1 min) before / after",
    value: null,
    unit: `${figures["start.load_before"]} / ${figures["start.load_after"]}`,
  });
  return { rows, figures };
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) printBenchResult(await runStartBench());
