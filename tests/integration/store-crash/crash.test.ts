import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { type Acknowledged, checkInvariants, overdueTimers } from "./crash-invariants.ts";

const KILLS = 50;
const worker = fileURLToPath(new URL("./crash-worker.ts", import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), "flowdesk-crash-"));
const file = join(dataDir, "flowdesk.sqlite");

interface Incarnation {
  child: ChildProcess;
  ready: Promise<void>;
  exited: Promise<void>;
  stderr: () => string;
}

/** Starts a worker and collects its acknowledgements as they arrive. */
const launch = (name: string, acknowledged: Acknowledged, quiet = false): Incarnation => {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", worker, dataDir, name, ...(quiet ? ["quiet"] : [])],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let buffered = "";
  let errors = "";
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) {
      if (line === "READY") markReady();
      const [tag, command, kind, id] = line.split(" ");
      if (tag !== "ACK" || command === undefined || id === undefined) continue;
      if (kind === "start") acknowledged.starts.add(id);
      if (kind === "complete") acknowledged.completions.set(id, command);
    }
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    errors += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return { child, ready, exited, stderr: () => errors };
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe("runtime under SIGKILL", () => {
  it(`keeps every acknowledged command and its invariants across ${KILLS} kills`, async () => {
    // given a worker that keeps starting requests, completing tasks and firing timers
    const acknowledged: Acknowledged = { starts: new Set(), completions: new Map() };
    for (let kill = 0; kill < KILLS; kill++) {
      const incarnation = launch(`w${kill}`, acknowledged);
      // when it is killed at a random moment: mostly under load, sometimes while starting up
      if (kill % 9 === 4) {
        await pause(50 + Math.random() * 400);
      } else {
        await Promise.race([incarnation.ready, incarnation.exited]);
        await pause(100 + Math.random() * 400);
      }
      incarnation.child.kill("SIGKILL");
      await incarnation.exited;
      // then, after every crash, nothing acknowledged is lost and the state is consistent
      const unexpected = incarnation.stderr().replace(/npm warn.*\n?/g, "");
      expect(unexpected).toBe("");
      expect(checkInvariants(file, acknowledged)).toEqual([]);
    }

    // when a last incarnation only runs the job runner
    const last = launch("final", acknowledged, true);
    await last.ready;
    const deadline = Date.now() + 20_000;
    while (overdueTimers(file, new Date().toISOString()) > 0 && Date.now() < deadline) await pause(100);
    last.child.kill("SIGTERM");
    await last.exited;
    // then the timers that came due while it was down fired, exactly once
    expect(overdueTimers(file, new Date().toISOString())).toBe(0);
    expect(checkInvariants(file, acknowledged)).toEqual([]);
    expect(acknowledged.starts.size).toBeGreaterThan(KILLS);
    expect(acknowledged.completions.size).toBeGreaterThan(KILLS);
    // Usually 1-3 minutes; the guard leaves room for a machine shared with other work.
  }, 420_000);
});
