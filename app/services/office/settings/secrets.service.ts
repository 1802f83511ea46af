/**
 * Write-only secrets (house style, principle 3): the manager sets, replaces or clears the Kushki key
 * and the relay's token and signing key, and sees only whether each is set with its last four
 * characters. The audit records "set"/"cleared" and last4, never a value.
 */
import {
  SECRET_NAMES,
  type SecretName,
  type SecretSetOutcome,
  type SecretStatus,
} from '../../../domain/office/settings';
import type { AuditLog } from '../../../ports/audit.port';
import type { Clock } from '../../../ports/clock.port';
import type { Logger } from '../../../ports/logger.port';
import type { SecretVault } from '../../../ports/secret-vault.port';
import type { SecretStore } from '../../../ports/settings.port';

/** Setting, clearing and describing the vault's secrets, audited. */
export class SecretsService {
  constructor(private readonly deps: { vault: SecretVault; audit: AuditLog; clock: Clock }) {}

  statuses(): Record<SecretName, SecretStatus> {
    const entries = SECRET_NAMES.map((name) => [name, this.deps.vault.describe(name)] as const);
    return Object.fromEntries(entries) as Record<SecretName, SecretStatus>;
  }

  set(name: SecretName, value: string, allowPlaintext: boolean, actor: number): SecretSetOutcome {
    const outcome = this.deps.vault.set(name, value, { allowPlaintext });
    const details =
      outcome.outcome === 'stored'
        ? { last4: outcome.status.last4, storage: outcome.status.storage }
        : { refused: outcome.reason };
    const action = outcome.outcome === 'stored' ? 'settings.secret.set' : 'settings.secret.needsConsent';
    this.deps.audit.append({ action, actorUserId: actor, subject: name, details }, this.deps.clock.now());
    return outcome;
  }

  clear(name: SecretName, actor: number): SecretStatus {
    this.deps.vault.clear(name);
    this.deps.audit.append(
      { action: 'settings.secret.cleared', actorUserId: actor, subject: name },
      this.deps.clock.now(),
    );
    return this.deps.vault.describe(name);
  }
}

/**
 * Moves secrets that older versions kept as secret rows of the settings table into the vault, once:
 * only when the vault does not already hold one (a key set since wins), and the row is deleted after.
 * The old row was plain text in SQLite, so a plaintext file is no weaker: the move never asks.
 */
export function moveSecretRowsToVault(rows: SecretStore, vault: SecretVault, logger: Logger): void {
  for (const name of SECRET_NAMES) {
    const old = rows.read(name);
    if (old === undefined) continue;
    if (!vault.describe(name).set) vault.set(name, old, { allowPlaintext: true });
    rows.clear(name);
    logger.info('moved a secret setting into the vault', { name });
  }
}
