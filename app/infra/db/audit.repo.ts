import type { Database } from 'better-sqlite3';
import type { AuditEntry, AuditLog } from '../../ports/audit.port';

/** The audit log on SQLite. Triggers in the schema refuse UPDATE and DELETE. */
export class SqliteAuditLog implements AuditLog {
  private readonly insertStmt;

  constructor(db: Database) {
    this.insertStmt = db.prepare(
      `INSERT INTO audit_log (at, actor_user_id, action, subject, details, register_id)
       VALUES (@at, @actor, @action, @subject, @details, @register)`,
    );
  }

  append(entry: AuditEntry, now: number): void {
    this.insertStmt.run({
      at: now,
      actor: entry.actorUserId ?? null,
      action: entry.action,
      subject: entry.subject ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
      register: entry.registerId ?? null,
    });
  }
}

/**
 * The audit log as one register writes it (issue 17): every row carries that register, unless the
 * writer named one itself. Store-level writers (the relay, start-up reconciliation) use the plain log.
 */
export function auditAtRegister(audit: AuditLog, registerId: number): AuditLog {
  return {
    append: (entry, now) =>
      audit.append(
        { ...entry, registerId: entry.registerId === undefined ? registerId : entry.registerId },
        now,
      ),
  };
}
