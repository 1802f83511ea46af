/**
 * The store server's registers (issue 17, deliverable 2): the manager's pairing code, pairing a
 * register (a new id and a long-lived credential, of which only the hash is kept), checking a
 * register's credential on every connection, and the manager's list, rename and revoke. Revoking
 * tells the transport at once (onRevoked) so the register's open connection is closed.
 *
 * [Note: register credentials]
 * A credential is 32 random bytes (base64url), made here, handed to the register once over the
 * pinned TLS connection, and kept there in its secret vault. The server stores SHA-256 of it and
 * compares hashes with timingSafeEqual. It never enters a log line, an audit entry or an error.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { fail, ok, type Result } from '../../domain/result';
import {
  REGISTER_NAME_MAX,
  SERVER_REGISTER_ID,
  type PairingCodeView,
  type RegisterView,
} from '../../domain/registers';
import type { AuditLog } from '../../ports/audit.port';
import type { Clock } from '../../ports/clock.port';
import type { EventBus } from '../../ports/event-bus.port';
import type { RegisterRecord, RegistersRepo } from '../../ports/registers.port';
import type { PairingCodes, RedeemOutcome } from './pairing-codes';

/** What the registers service needs. */
export interface RegistersDeps {
  repo: RegistersRepo;
  codes: PairingCodes;
  audit: AuditLog;
  clock: Clock;
  /** The manager doing it (the `manager` channel policy guarantees one). */
  manager: () => number;
  /** Tells the office's Cajas tab when a register pairs. */
  events: Pick<EventBus, 'emit'>;
}

/** A newly paired register's identity; the credential is for the register only. */
export interface PairedRegister {
  registerId: number;
  name: string;
  credential: string;
}

/** Why a connection's credential was refused (for the server's log; the register hears only "refused"). */
export type CredentialRefusal = 'unknown_register' | 'revoked' | 'wrong_credential';

function hashOf(credential: string): Buffer {
  return createHash('sha256').update(credential, 'utf8').digest();
}

function viewOf({ id, name, pairedAt, revokedAt, lastSeen }: RegisterRecord): RegisterView {
  return { id, name, pairedAt, revokedAt, lastSeen };
}

/** A name as stored: trimmed, control characters out, at most REGISTER_NAME_MAX characters. */
export function cleanRegisterName(raw: string): string {
  return raw
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, REGISTER_NAME_MAX);
}

/** The registers of this store server. */
export class RegistersService {
  private readonly revokedListeners = new Set<(registerId: number) => void>();

  constructor(private readonly deps: RegistersDeps) {}

  /** A fresh one-time pairing code (the previous one stops working). */
  createPairingCode(): PairingCodeView {
    const view = this.deps.codes.create();
    // The code itself stays out of the audit log: it is a short-lived secret.
    this.audit('registers.pairing_code.created', undefined, { expiresAt: view.expiresAt });
    return view;
  }

  /**
   * Pairs a register whose proof `matches` the live code (see app/infra/registers/pairing-proof.ts).
   * The code is spent on success; every refusal is audited.
   */
  pair(input: { name: string; matches: (code: string) => boolean }): Result<PairedRegister> {
    const outcome: RedeemOutcome = this.deps.codes.redeem(input.matches);
    if (outcome !== 'ok') {
      this.deps.audit.append(
        { action: 'registers.pairing_refused', details: { reason: outcome } },
        this.deps.clock.now(),
      );
      return outcome === 'too_many_attempts'
        ? fail('rate_limited', 'Too many wrong pairing attempts: ask the manager for a new code.')
        : fail('forbidden', 'The pairing code is not valid.');
    }
    const credential = randomBytes(32).toString('base64url');
    const now = this.deps.clock.now();
    const name = cleanRegisterName(input.name) || 'Caja';
    const record = this.deps.repo.insert({ name, credentialHash: hashOf(credential), pairedAt: now });
    this.deps.audit.append(
      { action: 'registers.paired', subject: `register:${record.id}`, details: { name } },
      now,
    );
    this.deps.events.emit('office.registers.paired', viewOf(record));
    return ok({ registerId: record.id, name: record.name, credential });
  }

  /** Checks a connecting register's credential; on success notes when it was seen. */
  authenticate(
    registerId: number,
    credential: string,
  ): { ok: true; value: RegisterView } | CredentialCheckFailure {
    const record = this.deps.repo.get(registerId);
    // Hash even for an unknown id, so the answer takes as long either way.
    const given = hashOf(credential);
    // Register 0 is the server's own counter: it never connects over the link.
    if (!record || record.id === SERVER_REGISTER_ID) return { ok: false, refusal: 'unknown_register' };
    if (!timingSafeEqual(given, record.credentialHash)) return { ok: false, refusal: 'wrong_credential' };
    if (record.revokedAt !== null) return { ok: false, refusal: 'revoked' };
    const now = this.deps.clock.now();
    this.deps.repo.touch(record.id, now);
    return { ok: true, value: viewOf({ ...record, lastSeen: now }) };
  }

  /** Whether a register may still connect (the transport asks again before each message). */
  isActive(registerId: number): boolean {
    const record = this.deps.repo.get(registerId);
    return record !== undefined && record.revokedAt === null;
  }

  list(): { registers: RegisterView[] } {
    return { registers: this.deps.repo.list().map(viewOf) };
  }

  rename(registerId: number, rawName: string): Result<RegisterView> {
    const record = this.deps.repo.get(registerId);
    if (!record) return fail('not_found', `No register ${registerId}.`);
    const name = cleanRegisterName(rawName);
    if (!name) return fail('validation_failed', 'A register needs a name.');
    this.deps.repo.rename(registerId, name);
    this.audit('registers.renamed', registerId, { from: record.name, to: name });
    return ok(viewOf({ ...record, name }));
  }

  /** Revokes a register for good and closes its open connection at once. */
  revoke(registerId: number): Result<RegisterView> {
    const record = this.deps.repo.get(registerId);
    if (!record) return fail('not_found', `No register ${registerId}.`);
    if (record.id === SERVER_REGISTER_ID)
      return fail('conflict', 'The store server’s own register cannot be revoked.');
    if (record.revokedAt !== null) return ok(viewOf(record));
    const now = this.deps.clock.now();
    this.deps.repo.revoke(registerId, now);
    this.audit('registers.revoked', registerId, { name: record.name });
    for (const listener of this.revokedListeners) listener(registerId);
    return ok(viewOf({ ...record, revokedAt: now }));
  }

  /** Tells the transport when a register is revoked; returns the unsubscribe function. */
  onRevoked(listener: (registerId: number) => void): () => void {
    this.revokedListeners.add(listener);
    return () => this.revokedListeners.delete(listener);
  }

  private audit(action: string, registerId: number | undefined, details: Record<string, unknown>): void {
    this.deps.audit.append(
      {
        action,
        actorUserId: this.deps.manager(),
        ...(registerId === undefined ? {} : { subject: `register:${registerId}` }),
        details,
      },
      this.deps.clock.now(),
    );
  }
}

/** A refused credential check, with the reason for the server's log. */
export interface CredentialCheckFailure {
  ok: false;
  refusal: CredentialRefusal;
}
