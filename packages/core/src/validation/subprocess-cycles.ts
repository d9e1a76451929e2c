import type { NodeRegistry } from "../node-descriptor.ts";
import { calledWorkflow } from "../node-knowledge.ts";
import type { Problem } from "../problem.ts";
import type { DefinitionIndex, IndexedDefinition } from "./definition-index.ts";
import { isRecord, problem } from "./make-problem.ts";
import { PROBLEM_CODES } from "./problem-codes.ts";

export interface LocatedProblem {
  entry: IndexedDefinition;
  problem: Problem;
}

/**
 * Workflows of a set that call each other in a circle through subprocesses (a -> b -> a)
 * would nest forever. Strongly connected components of the call graph (Tarjan, iterative
 * so deep chains cannot overflow the stack) find every such circle in linear time.
 * A workflow calling itself directly is reported by the graph checks instead.
 */
export const checkSubprocessCycles = (index: DefinitionIndex, registry: NodeRegistry): LocatedProblem[] => {
  const workflows = index.all("workflow");
  const calls = new Map<string, { target: string; nodeIndex: number }[]>();
  for (const { document } of workflows) {
    const list: { target: string; nodeIndex: number }[] = [];
    const nodes = Array.isArray(document.nodes) ? document.nodes : [];
    nodes.forEach((node, nodeIndex) => {
      if (!isRecord(node)) return;
      const target = calledWorkflow(registry, node);
      if (typeof target === "string" && target !== document.id && index.has("workflow", target)) {
        list.push({ target, nodeIndex });
      }
    });
    calls.set(String(document.id), list);
  }
  const component = stronglyConnected([...calls.keys()], (id) =>
    (calls.get(id) ?? []).map((call) => call.target),
  );
  const located: LocatedProblem[] = [];
  for (const entry of workflows) {
    const id = String(entry.document.id);
    for (const call of calls.get(id) ?? []) {
      if (component.get(call.target) !== component.get(id)) continue;
      located.push({
        entry,
        problem: problem(
          PROBLEM_CODES.subprocessCycle,
          `/nodes/${call.nodeIndex}/config/workflow`,
          `Workflow "${id}" calls "${call.target}", which leads back to "${id}" through its subprocesses; that would never end.`,
          "error",
          { workflow: id, target: call.target },
        ),
      });
    }
  }
  return located;
};

const stronglyConnected = (ids: string[], next: (id: string) => string[]): Map<string, number> => {
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const component = new Map<string, number>();
  let counter = 0;
  let components = 0;
  for (const root of ids) {
    if (order.has(root)) continue;
    const work: { id: string; children: string[]; position: number }[] = [];
    const open = (id: string): void => {
      order.set(id, counter);
      low.set(id, counter);
      counter++;
      stack.push(id);
      onStack.add(id);
      work.push({ id, children: next(id), position: 0 });
    };
    open(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.position < frame.children.length) {
        const child = frame.children[frame.position++]!;
        if (!order.has(child)) open(child);
        else if (onStack.has(child)) low.set(frame.id, Math.min(low.get(frame.id)!, order.get(child)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === order.get(frame.id)) {
        let member: string | undefined;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.set(member, components);
        } while (member !== frame.id);
        components++;
      }
    }
  }
  return component;
};
