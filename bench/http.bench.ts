/**
 * The HTTP side end to end: a real server (SQLite, socket.io, job runner) and a load
 * client in a second process (bench/http-load-client.ts) that submits the reference
 * request (catalog item "handed-out-hardware": form check, start, a group task) and
 * completes its task, 2 commands per cycle. Phase 1 finds the most commands per second
 * at 16 concurrent cycles; phase 2 offers half of that and measures, at another
 * client's socket, the time from a completion's commit (the task's updatedAt, stamped
 * inside the transaction) to its task.updated event.
 *
 * Run alone: `npx tsx bench/http.bench.ts` (HTTP_BENCH_MS sets each phase's length).
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { configFromEnvironment, hashPassword, type RunningServer, startServer } from "@flowdesk/server";
import { io } from "socket.io-client";
import { type BenchResult, printBenchResult } from "./bench-report.ts";

const REPOSITORY_ROOT = resolve(import.meta.dirname, "..");
const FIXTURES = join(REPOSITORY_ROOT, "tests/integration/server-live/fixtures");
const PHASE_MS = Number(process.env.HTTP_BENCH_MS ?? 5000);
const CONCURRENCY = 16;
const PASSWORD = "bench password for http load";

interface Credentials {
  cookie: string;
  csrf: string;
}

const sessionCookie = (response: Response): string =>
  response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0] ?? "")
    .find((pair) => pair.startsWith("flowdesk_session=")) ?? "";

const signIn = async (url: string, username: string): Promise<Credentials> => {
  const visit = await fetch(`${url}/api/session`);
  const { csrfToken } = (await visit.json()) as { csrfToken: string };
  const response = await fetch(`${url}/api/session`, {
    method: "POST",
    headers: { cookie: sessionCookie(visit), "x-csrf-token": csrfToken, "content-type": "application/json" },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${username}: ${response.status}`);
  return {
    cookie: sessionCookie(response),
    csrf: ((await response.json()) as { csrfToken: string }).csrfToken,
  };
};

const createUser = async (server: RunningServer, username: string, roles: string[], groups: string[]) => {
  const passwordHash = await hashPassword(PASSWORD);
  const at = new Date().toISOString();
  const id = randomUUID();
  await server.store.transaction(async (tx) => {
    await tx.users.insert({
      id,
      username,
      displayName: username,
      email: null,
      passwordHash,
      disabled: false,
      createdAt: at,
      updatedAt: at,
    });
    await tx.users.setRoles(id, roles);
    await tx.users.setGroups(id, groups);
  });
};

const publish = async (url: string, designer: Credentials, file: string, segment: string) => {
  const definition = JSON.parse(readFileSync(join(FIXTURES, file), "utf8")) as { id: string };
  const headers = {
    cookie: designer.cookie,
    "x-csrf-token": designer.csrf,
    "content-type": "application/json",
  };
  const base = `${url}/api/${segment}/${definition.id}`;
  await fetch(`${base}/draft`, { method: "PUT", headers, body: JSON.stringify(definition) });
  const published = await fetch(`${base}/publish`, {
    method: "POST",
    headers: { cookie: designer.cookie, "x-csrf-token": designer.csrf },
  });
  if (published.status !== 201)
    throw new Error(`publish ${file}: ${published.status} ${await published.text()}`);
};

const runLoad = (
  plan: Record<string, unknown>,
): Promise<{ commands: number; errors: number; durationMs: number }> =>
  new Promise((resolvePlan, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(REPOSITORY_ROOT, "bench/http-load-client.ts"), JSON.stringify(plan)],
      {
        cwd: REPOSITORY_ROOT,
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) reject(new Error(`load client exited with ${code}`));
      else resolvePlan(JSON.parse(output.trim().split("\n").at(-1) ?? "{}"));
    });
  });

const percentile = (values: number[], p: number): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;
};

export async function runHttpBench(): Promise<
  BenchResult<{ http_commands_per_s: number; push_p99_ms: number }>
> {
  const dataDir = mkdtempSync(join(tmpdir(), "flowdesk-http-bench-"));
  const server = await startServer(
    {
      ...configFromEnvironment({ PORT: "0", FLOWDESK_DATA_DIR: dataDir, INIT_CWD: REPOSITORY_ROOT }),
      host: "127.0.0.1",
    },
    {
      log: { info: () => undefined, error: (message, error) => console.error(message, error) },
      print: () => undefined,
    },
  );
  const socket = io(server.url, {
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    autoConnect: false,
  });
  try {
    await createUser(server, "bench-owner", ["process-owner"], []);
    await createUser(server, "bench-requester", ["requester"], []);
    await createUser(server, "bench-agent", ["agent"], ["procurement"]);
    await createUser(server, "bench-watcher", ["agent"], ["procurement"]);
    const url = server.url;
    const owner = await signIn(url, "bench-owner");
    await publish(url, owner, "hardware-request.form.json", "forms");
    await publish(url, owner, "hardware-fulfilment.workflow.json", "workflows");
    await publish(url, owner, "handed-out-hardware.catalog-item.json", "catalog-items");
    const requester = await signIn(url, "bench-requester");
    const agent = await signIn(url, "bench-agent");
    const watcher = await signIn(url, "bench-watcher");

    // Another agent of the group watches the queue: completions reach it as task.updated.
    let measuring = false;
    const pushLatencies: number[] = [];
    socket.io.opts.extraHeaders = { cookie: watcher.cookie };
    socket.on("task.updated", (payload: { change: string; task: { updatedAt: string } }) => {
      if (measuring && payload.change === "task.completed") {
        pushLatencies.push(Date.now() - Date.parse(payload.task.updatedAt));
      }
    });
    await new Promise<void>((resolveConnect, reject) => {
      socket.once("connect", () => resolveConnect());
      socket.once("connect_error", reject);
      socket.connect();
    });

    const plan = { url, requester, agent, concurrency: CONCURRENCY, durationMs: PHASE_MS };
    await runLoad({ ...plan, durationMs: 1000, commandsPerSecond: 0 }); // warm-up: JIT, caches, SQLite pages
    const max = await runLoad({ ...plan, commandsPerSecond: 0 });
    const maxRate = max.commands / (max.durationMs / 1000);
    measuring = true;
    const half = await runLoad({ ...plan, commandsPerSecond: maxRate / 2 });
    await server.publisher.settled();
    measuring = false;
    const halfRate = half.commands / (half.durationMs / 1000);
    const p50 = percentile(pushLatencies, 50);
    const p99 = percentile(pushLatencies, 99);
    return {
      rows: [
        {
          name: `http: commands/s, ${CONCURRENCY} concurrent cycles (submit + complete), SQLite`,
          value: maxRate,
          unit: "commands/s",
        },
        { name: "http: errors at max load", value: max.errors, unit: "requests" },
        { name: "http: offered at half load", value: maxRate / 2, unit: "commands/s" },
        { name: "http: achieved at half load", value: halfRate, unit: "commands/s" },
        { name: "push: completion commit -> other client's socket, p50 (half load)", value: p50, unit: "ms" },
        { name: "push: completion commit -> other client's socket, p99 (half load)", value: p99, unit: "ms" },
        { name: "push: events measured", value: pushLatencies.length, unit: "events" },
      ],
      figures: { http_commands_per_s: Math.round(maxRate), push_p99_ms: p99 ?? Number.NaN },
    };
  } finally {
    socket.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printBenchResult(await runHttpBench());
}
