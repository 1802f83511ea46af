/** One entry of the append-only audit log. */
export interface AuditEntry {
  action: string;
  actorUserId?: number | null;
  subject?: string;
  details?: Record<string, unknown>;
  /** The register where it happened (issue 17, migration 017); absent or null for what no register did. */
  registerId?: number | null;
}

/** The append-only audit log: there is no update and no delete. */
export interface AuditLog {
  append(entry: AuditEntry, now: number): void;
}
