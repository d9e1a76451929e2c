import { WorkflowRuntime } from "@flowdesk/engine";
import type { SqlStore } from "@flowdesk/store";
import type { OpenedStore, StoreBackend } from "../../store/store-backends.ts";

/** A clock the test moves by hand. */
export class TestClock {
  private millis: number;

  constructor(start = "2026-01-05T09:00:00.000Z") {
    this.millis = Date.parse(start);
  }

  now = (): Date => new Date(this.millis);

  advance(ms: number): void {
    this.millis += ms;
  }
}

/** Ids that say what they name and in which order they were made. */
export const sequentialIds = () => {
  let next = 0;
  return (prefix: string): string => `${prefix}-${String(++next).padStart(5, "0")}`;
};

export interface RuntimeHarness {
  store: SqlStore;
  runtime: WorkflowRuntime;
  clock: TestClock;
  dispose(): Promise<void>;
}

export async function openRuntime(backend: StoreBackend): Promise<RuntimeHarness> {
  const opened: OpenedStore = await backend.open();
  const clock = new TestClock();
  const runtime = new WorkflowRuntime({ store: opened.store, now: clock.now, newId: sequentialIds() });
  return { store: opened.store, runtime, clock, dispose: () => opened.dispose() };
}

export const openTasks = async (harness: RuntimeHarness, instanceId: string) =>
  (await harness.store.transaction((tx) => tx.tasks.listByInstance(instanceId))).filter(
    (task) => task.state === "open" || task.state === "claimed",
  );
