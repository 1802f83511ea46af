import type { Database } from 'better-sqlite3';
import type { RegisterRecord, RegistersRepo } from '../../ports/registers.port';

interface RegisterRow {
  id: number;
  name: string;
  credential_hash: Buffer;
  paired_at: number;
  revoked_at: number | null;
  last_seen: number | null;
}

function fromRow(row: RegisterRow): RegisterRecord {
  return {
    id: row.id,
    name: row.name,
    credentialHash: row.credential_hash,
    pairedAt: row.paired_at,
    revokedAt: row.revoked_at,
    lastSeen: row.last_seen,
  };
}

/** The `registers` table (migration 018). */
export class SqliteRegistersRepo implements RegistersRepo {
  private readonly insertStmt;
  private readonly getStmt;
  private readonly listStmt;
  private readonly renameStmt;
  private readonly revokeStmt;
  private readonly touchStmt;

  constructor(db: Database) {
    this.insertStmt = db.prepare(
      `INSERT INTO registers (name, credential_hash, paired_at) VALUES (@name, @hash, @pairedAt) RETURNING *`,
    );
    this.getStmt = db.prepare(`SELECT * FROM registers WHERE id = ?`);
    this.listStmt = db.prepare(`SELECT * FROM registers ORDER BY id`);
    this.renameStmt = db.prepare(`UPDATE registers SET name = ? WHERE id = ?`);
    this.revokeStmt = db.prepare(`UPDATE registers SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`);
    this.touchStmt = db.prepare(`UPDATE registers SET last_seen = ? WHERE id = ?`);
  }

  insert(input: { name: string; credentialHash: Buffer; pairedAt: number }): RegisterRecord {
    const row = this.insertStmt.get({
      name: input.name,
      hash: input.credentialHash,
      pairedAt: input.pairedAt,
    }) as RegisterRow;
    return fromRow(row);
  }

  get(id: number): RegisterRecord | undefined {
    const row = this.getStmt.get(id) as RegisterRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  list(): RegisterRecord[] {
    return (this.listStmt.all() as RegisterRow[]).map(fromRow);
  }

  rename(id: number, name: string): void {
    this.renameStmt.run(name, id);
  }

  revoke(id: number, at: number): void {
    this.revokeStmt.run(at, id);
  }

  touch(id: number, at: number): void {
    this.touchStmt.run(at, id);
  }
}
