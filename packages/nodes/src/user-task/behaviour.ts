import {
  ENGINE_ERRORS,
  type NodeBehaviour,
  rejectEvent,
  type TaskOutcome,
  type UserTaskConfig,
} from "@flowdesk/core";

const DEFAULT_OUTCOMES: TaskOutcome[] = [{ id: "done", label: "Done" }];

/**
 * A person does a piece of work: one task for the resolved assignee, with the task form,
 * the named outcomes and a due date. Completing it merges the form data into the
 * variables and leaves by the chosen outcome.
 */
export const userTaskBehaviour: NodeBehaviour<UserTaskConfig> = {
  enter(ctx) {
    const config = ctx.node.config;
    // One task has one assignee: a rule giving several (e.g. a list of on-call users)
    // assigns the first; fan-out to several people is what an approval is for.
    const [assignment] = ctx.resolveAssignees(config.assignee);
    const outcomes = config.outcomes?.length ? config.outcomes : DEFAULT_OUTCOMES;
    const taskId = ctx.openTask(
      {
        kind: "task",
        assignment: assignment!,
        ...(config.due ? { dueAt: ctx.addDuration(ctx.now, config.due) } : {}),
      },
      {
        title: ctx.node.name ?? ctx.node.id,
        outcomes,
        ...(config.form ? { form: config.form } : {}),
        ...(config.instructions ? { instructions: ctx.render(config.instructions) } : {}),
      },
    );
    ctx.wait({ kind: "task", taskId });
  },

  resume(ctx, event) {
    if (event.type !== "task.completed") return;
    const outcomes = ctx.node.config.outcomes?.length ? ctx.node.config.outcomes : DEFAULT_OUTCOMES;
    const outcome = event.outcome ?? outcomes[0]!.id;
    if (!outcomes.some((candidate) => candidate.id === outcome)) {
      throw rejectEvent(
        ENGINE_ERRORS.unknownOutcome,
        `"${outcome}" is not an outcome of task "${ctx.node.name ?? ctx.node.id}" (expected ${outcomes.map((o) => o.id).join(", ")}).`,
      );
    }
    if (event.data && Object.keys(event.data).length > 0) ctx.setVariables(event.data);
    ctx.closeTask(event.taskId, outcome, event.by, event.data);
    ctx.leave(outcome);
  },
};
