/** Rows of the account tables as the server sees them. Timestamps are ISO-8601 UTC strings. */
export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface UserWithPassword extends UserRecord {
  passwordHash: string;
}

export interface GroupRecord {
  id: string;
  title: string;
  description: string | null;
}

export interface SessionRecord {
  /** SHA-256 (hex) of the cookie value; the value itself is never stored. */
  idHash: string;
  userId: string | null;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}
