import type { AdminUser } from "./admin-api.ts";

/** Users whose name, user name, e-mail, roles or groups contain every word searched for. */
export const searchUsers = (users: readonly AdminUser[], query: string): AdminUser[] => {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...users];
  return users.filter((user) => {
    const text = [user.username, user.displayName, user.email ?? "", ...user.roles, ...user.groups]
      .join(" ")
      .toLowerCase();
    return words.every((word) => text.includes(word));
  });
};
