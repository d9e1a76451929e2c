import { EventPage, EventQuery } from "@flowdesk/core";
import type { HistoryRecord } from "@flowdesk/engine";
import type { ServerTransaction } from "@flowdesk/store";
import type { ApiContext } from "../api/api-context.ts";
import { defineOperation, type Operation } from "../api/operation.ts";
import { maySeeInstance } from "../security/record-visibility.ts";
import type { SignedInUser } from "../security/request-auth.ts";

/** History rows scanned per call; a client far behind pages with `next`. */
const SCAN_LIMIT = 1000;

/** The history after `after` the user may see, in sequence order, and where to continue. */
export const eventsVisibleTo = async (
  tx: ServerTransaction,
  user: SignedInUser,
  after: number,
  limit: number,
): Promise<{ items: HistoryRecord[]; next: number; more: boolean }> => {
  const scanned = await tx.history.listAfter(after, Math.min(SCAN_LIMIT, limit));
  const visible = new Map<string, boolean>();
  const items: HistoryRecord[] = [];
  for (const entry of scanned) {
    let allowed = visible.get(entry.instanceId);
    if (allowed === undefined) {
      allowed = await maySeeInstance(tx, user, entry.instanceId);
      visible.set(entry.instanceId, allowed);
    }
    if (allowed) items.push(entry);
  }
  return { items, next: scanned.at(-1)?.seq ?? after, more: scanned.length === Math.min(SCAN_LIMIT, limit) };
};

export const eventOperations = (context: ApiContext): Operation[] => [
  defineOperation({
    operationId: "listEventsAfter",
    method: "get",
    path: "/api/events",
    summary:
      "What a reconnecting client missed: history after a global sequence number, filtered to what the caller may see",
    tag: "events",
    query: EventQuery,
    responses: {
      "200": {
        description: "Entries in sequence order; ask again with after=next while `more` is true.",
        schema: EventPage,
      },
    },
    signedIn: true,
    async handle(call) {
      const user = call.user;
      const after = call.query.after ?? 0;
      const limit = call.query.limit ?? 500;
      const body = await context.store.transaction((tx) => eventsVisibleTo(tx, user, after, limit));
      return { status: 200, body };
    },
  }),
];
