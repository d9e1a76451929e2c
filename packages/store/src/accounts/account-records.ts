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

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  ip: string | null;
  details: unknown;
}

export type NewAuditEntry = Omit<AuditEntry, "seq">;

export interface ConfigurationItemRecord {
  id: string;
  name: string;
  ciClass: string;
  status: string;
  ownerGroup: string | null;
}

/** One line of a definitions list: merged from the draft and the published versions. */
export interface DefinitionSummary {
  id: string;
  kind: string;
  title: string;
  latestVersion: number | null;
  hasDraft: boolean;
  updatedAt: string;
}

export interface Page {
  limit: number;
  offset: number;
}

/** Narrows the audit log; every field is optional and they all apply together. */
export interface AuditFilter {
  /** User name of who acted, exactly. */
  actor?: string;
  /** The action, or its start ("user." finds every user change). */
  actionPrefix?: string;
  /** Instants (ISO 8601): from included, to excluded. */
  from?: string;
  to?: string;
}
