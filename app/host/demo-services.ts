/**
 * The demo store's stand-ins for the outside world, run in-process on 127.0.0.1: the Kushki
 * simulator (with a virtual terminal the trainee taps) and a relay, wired together exactly as
 * Kushki and the real relay would be, so a fresh install charges a card with zero configuration.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRelay, openSqliteStorage, type RelayHandle } from '../../relay';
import { createSimulator, type Simulator } from '../../simulator';
import type { Logger } from '../ports/logger.port';
import type { SecretStore, SettingsRepo } from '../ports/settings.port';

/** The serial of the demo store's virtual terminal. */
export const DEMO_TERMINAL_SERIAL = 'CAJA01';

/** Relay credentials the store PC needs. */
export interface RelayCredentials {
  url: string;
  storeId: string;
  streamToken: string;
  signingKey: string;
}

/** Running demo services. */
export interface DemoServices {
  simulator: Simulator;
  credentials: RelayCredentials;
  /** The virtual terminal's page, where the trainee approves or declines. */
  terminalPageUrl: string;
  /** Takes the relay down (as an outage would) or brings it back on the same port and data. */
  setRelayOnline(online: boolean): Promise<void>;
  close(): Promise<void>;
}

const STORE_ID_KEY = 'demo.relay.storeId';
const INGRESS_KEY = 'demo.relay.ingressPath';
const TOKEN_KEY = 'demo.relay.streamToken';
const SIGNING_KEY = 'demo.relay.signingKey';
/** `X-BP-SignatureKey` of the demo simulator's webhooks. */
const DEMO_BP_KEY_INDEX = '1';

/**
 * Starts simulator and relay under `<dataDir>/demo`. The simulator keeps its requests in a state
 * file and the relay its events in SQLite, so a restart of Caja mid-payment behaves as it would
 * against Kushki. The relay store is created once; its credentials are kept as secret settings.
 */
export async function startDemoServices(deps: {
  dataDir: string;
  settings: SettingsRepo;
  secrets: SecretStore;
  logger: Logger;
  /** The Electron shell's better-sqlite3 build, so the embedded relay opens its file with the right ABI. */
  sqliteNativeBinding?: string | undefined;
}): Promise<DemoServices> {
  const demoDir = join(deps.dataDir, 'demo');
  mkdirSync(demoDir, { recursive: true, mode: 0o700 });
  const relayDir = join(demoDir, 'relay');
  // The simulator signs its webhooks as Billpocket does and the relay holds its public key, so the
  // demo shows what a configured `--bp-key` gives: card fields and refund webhooks verified (issue 11).
  const simulator = await createSimulator({
    terminals: [{ serialNumber: DEMO_TERMINAL_SERIAL }],
    behaviour: 'manual',
    webhooks: { sign: true, keyIndex: DEMO_BP_KEY_INDEX },
    stateFile: join(demoDir, 'simulator-state.json'),
  });
  const bpPublicKeys = { [DEMO_BP_KEY_INDEX]: simulator.webhooks.publicKeyPem() };
  const startRelay = (port = 0) =>
    createRelay(
      { dataDir: relayDir, port, logLevel: 'warn', bpPublicKeys },
      {
        logger: relayLogger(deps.logger),
        ...(deps.sqliteNativeBinding
          ? { storage: openSqliteStorage(relayDir, { nativeBinding: deps.sqliteNativeBinding }) }
          : {}),
      },
    );
  let relay: RelayHandle | null = await startRelay();
  const relayPort = relay.port;
  let storeId = deps.settings.getPublic(STORE_ID_KEY);
  let ingressPath = deps.secrets.read(INGRESS_KEY);
  const known = storeId ? (await relay.admin.listStores()).some((s) => s.storeId === storeId) : false;
  if (!known || !ingressPath || !deps.secrets.read(TOKEN_KEY) || !deps.secrets.read(SIGNING_KEY)) {
    const added = await relay.admin.addStore({ name: 'Tienda demo' });
    if (!added.ok) throw new Error('could not create the demo relay store');
    storeId = added.value.storeId;
    ingressPath = added.value.ingressPath;
    deps.settings.setPublic(STORE_ID_KEY, storeId, Date.now());
    deps.secrets.set(INGRESS_KEY, ingressPath);
    deps.secrets.set(TOKEN_KEY, added.value.streamToken);
    deps.secrets.set(SIGNING_KEY, added.value.signingKey);
  }
  // The relay's port is new on every launch: point the simulator's webhooks at this one.
  simulator.setWebhookUrl(`http://127.0.0.1:${relayPort}${ingressPath}`);
  return {
    simulator,
    credentials: {
      url: `http://127.0.0.1:${relayPort}`,
      storeId: storeId ?? '',
      streamToken: deps.secrets.read(TOKEN_KEY) ?? '',
      signingKey: deps.secrets.read(SIGNING_KEY) ?? '',
    },
    terminalPageUrl: `${simulator.url}/terminal/${DEMO_TERMINAL_SERIAL}`,
    async setRelayOnline(online) {
      if (!online && relay) {
        await relay.close();
        relay = null;
      } else if (online && !relay) {
        // Same port and data: Kushki's (the simulator's) webhook URL and every stored event stay valid.
        relay = await startRelay(relayPort);
      }
    },
    async close() {
      await simulator.close();
      await relay?.close();
    },
  };
}

/** The relay's logger interface over Caja's logger (its debug lines are dropped). */
function relayLogger(logger: Logger) {
  return {
    debug: () => undefined,
    info: (message: string, fields?: Record<string, unknown>) => logger.info(`relay: ${message}`, fields),
    warn: (message: string, fields?: Record<string, unknown>) => logger.warn(`relay: ${message}`, fields),
    error: (message: string, fields?: Record<string, unknown>) => logger.error(`relay: ${message}`, fields),
  };
}
