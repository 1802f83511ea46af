/**
 * What a joined register keeps (issue 17): `register-link.json` in its data directory (server URL,
 * register id and name, the pinned certificate and fingerprint: nothing secret) and the credential
 * in the secret vault under `register.credential` (see [Note: register credentials]).
 */
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { SecretVault } from '../../ports/secret-vault.port';
import type { RegisterLink } from './register-join';

const LINK_FILE = 'register-link.json';

const linkFile = z
  .object({
    version: z.literal(1),
    serverUrl: z.string().url(),
    registerId: z.number().int().positive(),
    name: z.string(),
    certificate: z.string().startsWith('-----BEGIN CERTIFICATE-----'),
    fingerprint: z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/),
  })
  .strict();

/** Stores the link (atomically: temporary file, then rename) and the credential. */
export function saveRegisterLink(
  dataDir: string,
  vault: SecretVault,
  link: RegisterLink,
  credential: string,
): void {
  vault.set('register.credential', credential, { allowPlaintext: true });
  const target = join(dataDir, LINK_FILE);
  const temporary = `${target}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ version: 1, ...link }, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, target);
}

/** The stored link and credential, or undefined when this data directory never joined a server. */
export function loadRegisterLink(
  dataDir: string,
  vault: SecretVault,
): { link: RegisterLink; credential: string } | undefined {
  const path = join(dataDir, LINK_FILE);
  if (!existsSync(path)) return undefined;
  const parsed = linkFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  const credential = vault.get('register.credential');
  if (!parsed.success || !credential)
    throw new Error(`${LINK_FILE} or its credential is damaged: join again.`);
  const { version: _version, ...link } = parsed.data;
  return { link, credential };
}
