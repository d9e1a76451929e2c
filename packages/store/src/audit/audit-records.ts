/** Rows of the audit log as the server reads them. Timestamps are ISO-8601 UTC strings. */
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
