import type { NodeBehaviour, NodeTypeId } from "@flowdesk/core";
import { approvalBehaviour } from "./approval/behaviour.ts";
import { decisionBehaviour } from "./decision/behaviour.ts";
import { endBehaviour } from "./end/behaviour.ts";
import { forkBehaviour } from "./fork/behaviour.ts";
import { joinBehaviour } from "./join/behaviour.ts";
import { notifyBehaviour } from "./notify/behaviour.ts";
import { serviceCallBehaviour } from "./service-call/behaviour.ts";
import { setDataBehaviour } from "./set-data/behaviour.ts";
import { startBehaviour } from "./start/behaviour.ts";
import { subprocessBehaviour } from "./subprocess/behaviour.ts";
import { timerBehaviour } from "./timer/behaviour.ts";
import { userTaskBehaviour } from "./user-task/behaviour.ts";
import { waitMessageBehaviour } from "./wait-message/behaviour.ts";

/** Behaviours are typed by their own config; the engine hands each the node it was written for. */
const register = <C>(behaviour: NodeBehaviour<C>): NodeBehaviour => behaviour as unknown as NodeBehaviour;

/** The registry of node behaviours (pure functions the engine core calls), by node type id. */
export const nodeBehaviours: Readonly<Record<NodeTypeId, NodeBehaviour>> = {
  start: register(startBehaviour),
  end: register(endBehaviour),
  "user-task": register(userTaskBehaviour),
  approval: register(approvalBehaviour),
  decision: register(decisionBehaviour),
  fork: register(forkBehaviour),
  join: register(joinBehaviour),
  timer: register(timerBehaviour),
  "service-call": register(serviceCallBehaviour),
  notify: register(notifyBehaviour),
  "set-data": register(setDataBehaviour),
  subprocess: register(subprocessBehaviour),
  "wait-message": register(waitMessageBehaviour),
};
