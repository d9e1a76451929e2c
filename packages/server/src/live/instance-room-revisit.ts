import type { HistoryRecord } from "@flowdesk/engine";
import type { ServerStore } from "@flowdesk/store";
import type { Server } from "socket.io";
import { maySeeInstance } from "../security/record-visibility.ts";
import type { SignedInUser } from "../security/request-auth.ts";
import { rooms } from "./live-events.ts";

/** History entries that move a task to other people: who may read its instance can change. */
const ACCESS_MOVES = new Set(["task.reassigned", "task.unclaimed", "approval.delegated"]);

const movesAccess = (entry: HistoryRecord): boolean =>
  ACCESS_MOVES.has(entry.type) ||
  (typeof entry.data === "object" && entry.data !== null && "from" in entry.data);

/** The instances whose readers may have changed in these committed entries. */
export const instancesWithMovedAccess = (history: readonly HistoryRecord[]): string[] => [
  ...new Set(history.filter(movesAccess).map((entry) => entry.instanceId)),
];

/**
 * A socket joins an instance room once, when it may read the instance; this asks again
 * for every socket in the room (in every server process, through the adapter) and makes
 * those that may no longer read it leave, before the change's own events go out. Users
 * are asked once each; their roles and groups on the socket are current, because
 * changing them ends the user's sockets. When the check itself fails, the room's sockets
 * are ended rather than left receiving.
 */
export async function revisitInstanceRooms(
  io: Server,
  store: ServerStore,
  instanceIds: readonly string[],
): Promise<void> {
  let failure: unknown;
  for (const instanceId of instanceIds) {
    const room = rooms.instance(instanceId);
    try {
      const verdicts = new Map<string, Promise<boolean>>();
      for (const socket of await io.in(room).fetchSockets()) {
        const user = socket.data.user as SignedInUser | undefined;
        if (user === undefined) continue;
        let verdict = verdicts.get(user.id);
        if (verdict === undefined) {
          verdict = store.transaction((tx) => maySeeInstance(tx, user, instanceId));
          verdicts.set(user.id, verdict);
        }
        if (!(await verdict)) socket.leave(room);
      }
    } catch (error) {
      // Unsure who may still read it: end the room's sockets; clients reconnect and are asked again on join.
      io.in(room).disconnectSockets(true);
      failure ??= error;
    }
  }
  if (failure !== undefined) throw failure;
}
