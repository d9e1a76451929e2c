import type { ServerTransaction } from "@flowdesk/store";

/*
 * Screens name people by display name ("Rita Requester"), records by user name
 * ("rita.requester"). Directory search already shows display names to every signed-in user,
 * so an answer may carry the names of the people it mentions as a `people` map.
 */

/** User name -> display name for each known account among `usernames` (unknown and empty names are left out). */
export const displayNames = async (
  tx: ServerTransaction,
  usernames: Iterable<string | null | undefined>,
): Promise<Record<string, string>> => {
  const names: Record<string, string> = {};
  for (const username of new Set(usernames)) {
    if (!username) continue;
    const account = await tx.users.findByUsername(username);
    if (account !== undefined) names[username] = account.displayName;
  }
  return names;
};
