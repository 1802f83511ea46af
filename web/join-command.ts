/**
 * `npm run start:web -- --join <url> --pairing-code <code>` (issue 17): pairs this data directory
 * with a store server as a register, keeps the link and the credential, opens the authenticated
 * link once to prove it works, prints one line and returns. The next start on this data directory
 * is in register mode (web/register-mode.ts).
 */
import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { FileVault } from '../app/infra/security/file-vault';
import type { Logger } from '../app/ports/logger.port';
import type { JoinArgs } from './args';
import { openRegisterLink, pairWithServer } from './register-join';
import { saveRegisterLink } from './register-link-file';

/** Joins and returns the line to print. Throws a JoinError (no secret in its message) on refusal. */
export async function joinStoreServer(dataDir: string, join: JoinArgs, logger: Logger): Promise<string> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const { link, credential } = await pairWithServer({
    serverUrl: join.serverUrl,
    pairingCode: join.pairingCode,
    name: join.name ?? hostname(),
  });
  saveRegisterLink(dataDir, new FileVault(dataDir), link, credential);
  logger.info('paired with store server', {
    serverUrl: link.serverUrl,
    registerId: link.registerId,
    fingerprint: link.fingerprint,
  });
  const open = await openRegisterLink(link, credential);
  open.socket.close();
  return `Caja register ${link.registerId} (${link.name}) paired with ${link.serverUrl}`;
}
