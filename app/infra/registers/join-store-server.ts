/**
 * Joining a store server as a register (issue 17), the one implementation behind both ways in:
 * `npm run start:web -- --join <url> --pairing-code <code>` (web/host.ts) and the first-run
 * screen's «Unirse a una caja principal» (`store.join`, through the store host). Pairs this data
 * directory, keeps the link and the credential, and opens the authenticated link once to prove it
 * works. Selling from a joined register is register mode's start-up, not this.
 */
import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { FileVault } from '../security/file-vault';
import type { Logger } from '../../ports/logger.port';
import type { SecretVault } from '../../ports/secret-vault.port';
import type { JoinedRegister } from '../../domain/registers';
import { fail, ok, type ErrorCode, type FailureReason, type Result } from '../../domain/result';
import { JoinError, openRegisterLink, pairWithServer, type RegisterLink } from './register-join';
import { saveRegisterLink } from './register-link-file';

/** What joining needs: the server's URL, the manager's code, and how the office will list this PC. */
export interface JoinRequest {
  serverUrl: string;
  pairingCode: string;
  /** Default: the machine's host name. */
  name?: string | undefined;
}

/**
 * Pairs `dataDir` with the store server and keeps the link (`register-link.json`) and the
 * credential (the vault, by default the data directory's 0600 file vault, as `--join` uses).
 * Throws a JoinError (no secret in its message) on refusal; nothing is kept unless the server
 * proved it knows the code.
 */
export async function pairAndKeepLink(
  dataDir: string,
  request: JoinRequest,
  options: { logger: Logger; vault?: SecretVault },
): Promise<RegisterLink> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const { link, credential } = await pairWithServer({
    serverUrl: request.serverUrl,
    pairingCode: request.pairingCode,
    name: request.name ?? hostname(),
  });
  saveRegisterLink(dataDir, options.vault ?? new FileVault(dataDir), link, credential);
  options.logger.info('paired with store server', {
    serverUrl: link.serverUrl,
    registerId: link.registerId,
    fingerprint: link.fingerprint,
  });
  const open = await openRegisterLink(link, credential);
  open.socket.close();
  return link;
}

/** `--join`: joins and returns the line the web shell prints. */
export async function joinStoreServer(dataDir: string, join: JoinRequest, logger: Logger): Promise<string> {
  const link = await pairAndKeepLink(dataDir, join, { logger });
  return `Caja register ${link.registerId} (${link.name}) paired with ${link.serverUrl}`;
}

/** Each JoinError reason as the contract's error code and the reason the screen words. */
const REFUSALS: Record<JoinError['reason'], { code: ErrorCode; reason: FailureReason }> = {
  bad_url: { code: 'validation_failed', reason: 'join_bad_url' },
  refused: { code: 'forbidden', reason: 'join_code_refused' },
  rate_limited: { code: 'rate_limited', reason: 'join_too_many_attempts' },
  unreachable: { code: 'unavailable', reason: 'join_unreachable' },
  server_not_proven: { code: 'forbidden', reason: 'join_server_not_proven' },
  server_not_pinned: { code: 'forbidden', reason: 'join_server_not_pinned' },
  bad_answer: { code: 'unavailable', reason: 'join_bad_answer' },
};

/**
 * `store.join`: pairs and keeps the link, as {@link pairAndKeepLink}; a JoinError becomes an
 * expected failure with its reason (its message never carries the code or a credential), any
 * other error is a bug and is thrown.
 */
export async function joinAsRegister(
  dataDir: string,
  request: JoinRequest,
  options: { logger: Logger; vault?: SecretVault },
): Promise<Result<JoinedRegister>> {
  try {
    const link = await pairAndKeepLink(dataDir, request, options);
    const { registerId, name, serverUrl, fingerprint } = link;
    return ok({ registerId, name, serverUrl, fingerprint });
  } catch (error) {
    if (!(error instanceof JoinError)) throw error;
    options.logger.warn('joining a store server refused', { reason: error.reason });
    const { code, reason } = REFUSALS[error.reason];
    return fail(code, error.message, { reason });
  }
}
