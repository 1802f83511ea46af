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
