/* The user list as the server pages and searches it. */

export const USER_PAGE_SIZE = 50;

/** What the search box and the pager ask for: text the user name, name or e-mail contains. */
export const userListPath = (text: string, page: number): string => {
  const query = new URLSearchParams();
  query.set("limit", String(USER_PAGE_SIZE));
  query.set("offset", String(Math.max(0, page) * USER_PAGE_SIZE));
  const trimmed = text.trim().slice(0, 100);
  if (trimmed) query.set("q", trimmed);
  return `/users?${query.toString()}`;
};

export const userPageCount = (total: number): number => Math.max(1, Math.ceil(total / USER_PAGE_SIZE));
