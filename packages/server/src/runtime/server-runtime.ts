import { FlowdeskError } from "@flowdesk/core";
import {
  type CommandResult,
  RUNTIME_ERRORS,
  type StartInstanceInput,
  WorkflowRuntime,
} from "@flowdesk/engine";
import type { RequestRecord, RequestSummary, ServerStore, ServerTransaction } from "@flowdesk/store";

/** What a submission starts (the workflow, its data) and the request row it is recorded as. */
export interface Submission {
  start: StartInstanceInput & { instanceId: string };
  request: Omit<RequestRecord, "instanceId" | "createdAt">;
}

export interface SubmittedRequest {
  result: CommandResult;
  request: RequestSummary;
}

/**
 * The runtime as the server drives it: the engine's commands, plus the ones that only
 * make sense with the server's tables (a request row committed with its instance) and
 * delegation of approvals. It runs over the ServerStore,
 * whose transactions carry the runtime's repositories and the server's together.
 */
export class ServerRuntime extends WorkflowRuntime {
  constructor(
    readonly serverStore: ServerStore,
    options: { now?: () => Date } = {},
  ) {
    super({ store: serverStore, ...(options.now === undefined ? {} : { now: options.now }) });
  }

  /** Starts the instance and records the request it belongs to, in one transaction. */
  async submitRequest(
    input: StartInstanceInput & { instanceId: string },
    request: Omit<RequestRecord, "instanceId" | "createdAt">,
  ): Promise<CommandResult> {
    return (await this.submit(async () => ({ start: input, request }))).result;
  }

  /**
   * A request submission as ONE transaction: `prepare` reads what the submission needs
   * (catalog item, form version) and checks the data, then the instance starts, the
   * request row is written and read back. A failure anywhere leaves nothing behind, and
   * nothing committed is ever answered with an error.
   */
  submit(prepare: (tx: ServerTransaction) => Promise<Submission>): Promise<SubmittedRequest> {
    return this.command(async (tx) => {
      const serverTx = tx as ServerTransaction;
      const { start, request } = await prepare(serverTx);
      const result = await this.startIn(tx, start);
      await serverTx.requests.insert({ ...request, instanceId: result.instance.id, createdAt: this.now() });
      const recorded = await serverTx.requests.get(result.instance.id);
      if (recorded === undefined) throw new Error(`request ${result.instance.id} was not recorded`);
      return { result, request: recorded };
    });
  }

  /** An approver hands their approval to someone else (when the approval allows delegation). */
  delegateApproval(input: {
    taskId: string;
    by: string;
    to: string;
    comment?: string;
  }): Promise<CommandResult> {
    return this.command(async (tx) => {
      const task = await this.openTask(tx, input.taskId, undefined);
      if (task.kind !== "approval")
        throw notApplicable(`Task ${task.id} is not an approval; reassign it instead.`);
      const instance = await this.loadInstance(tx, task.instanceId);
      return this.advance(
        tx,
        instance,
        {
          type: "approval.delegated",
          taskId: task.id,
          by: input.by,
          to: input.to,
          ...(input.comment === undefined ? {} : { comment: input.comment }),
        },
        input.by,
      );
    });
  }
}

const notApplicable = (message: string): FlowdeskError =>
  new FlowdeskError({ code: RUNTIME_ERRORS.conflict, kind: "user", message, retryable: false });
