import { FlowdeskError } from "@flowdesk/core";
import {
  type CommandResult,
  RUNTIME_ERRORS,
  type StartInstanceInput,
  WorkflowRuntime,
} from "@flowdesk/engine";
import type { RequestRecord, ServerStore, ServerTransaction } from "@flowdesk/store";

/**
 * The runtime as the server drives it: the engine's commands, plus the ones that only
 * make sense with the server's tables (a request row committed with its instance) and
 * task routing by people (unclaim, reassign, delegate). It runs over the ServerStore,
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
  submitRequest(
    input: StartInstanceInput & { instanceId: string },
    request: Omit<RequestRecord, "instanceId" | "createdAt">,
  ): Promise<CommandResult> {
    return this.command(async (tx) => {
      const result = await this.startIn(tx, input);
      await (tx as ServerTransaction).requests.insert({
        ...request,
        instanceId: result.instance.id,
        createdAt: this.now(),
      });
      return result;
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

  /**
   * Routes an open task to another user or group (or back to its group: unclaim). The
   * task row and its version change; the instance records who moved it where.
   */
  routeTask(input: {
    taskId: string;
    by: string;
    to: { user: string | null; group: string | null };
    action: "task.reassigned" | "task.unclaimed";
    expectedVersion?: number;
  }): Promise<CommandResult> {
    return this.command(async (tx) => {
      const task = await this.openTask(tx, input.taskId, input.expectedVersion);
      if (task.kind === "approval") {
        throw notApplicable(`Task ${task.id} is an approval; approvals are delegated, not reassigned.`);
      }
      const instance = await this.loadInstance(tx, task.instanceId);
      await tx.tasks.reassign(task.id, {
        assigneeUser: input.to.user,
        assigneeGroup: input.to.group,
        at: this.now(),
      });
      return this.record(
        tx,
        instance,
        [
          {
            type: input.action,
            nodeId: task.nodeId,
            tokenId: task.tokenId,
            data: {
              taskId: task.id,
              user: input.to.user,
              group: input.to.group,
              // Where it came from: that queue (or person) is told it left.
              from: { user: task.assigneeUser, group: task.assigneeGroup },
            },
          },
        ],
        input.by,
      );
    });
  }
}

const notApplicable = (message: string): FlowdeskError =>
  new FlowdeskError({ code: RUNTIME_ERRORS.conflict, kind: "user", message, retryable: false });
