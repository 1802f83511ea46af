/**
 * Starts Caja for a shell: the core, plus whatever the configured Kushki environment needs. In
 * `demo` (the default on a fresh install) that is the in-process simulator and relay; `dev` and
 * `live` use Kushki's hosts (or the base URL given with `--kushki-url`) with the key from the vault
 * (no key: card payments are refused before anything is sent) and the relay configured in settings. The environment is read here once: a change
 * in the manager's settings applies at the next start (the settings screen says so).
 */
import { createCore, type Core, type CoreOptions } from './create-core';
import { environmentOf } from './environment';
import { startDemoServices, DEMO_TERMINAL_SERIAL, type DemoServices } from './demo-services';
import { KushkiHttpClient } from '../infra/kushki/kushki-client';
import {
  kushkiBaseUrlFor,
  validKushkiBaseUrl,
  type KushkiEnvironment,
} from '../infra/kushki/kushki-environments';
import { RelayClient } from '../infra/relay-client/relay-client';
import type { PaymentGateway } from '../ports/payment-gateway.port';
import { moveSecretRowsToVault } from '../services/office/settings/secrets.service';

/** A booted Caja: the core and its outside connections. */
export interface BootedCaja {
  core: Core;
  environment: KushkiEnvironment;
  demo: DemoServices | null;
  close(): Promise<void>;
}

const ENVIRONMENT_KEY = 'kushki.environment';

/** The relay settings of a real store, when all four are set (the manager's settings, issue 7). */
function configuredRelay(core: Core) {
  const url = core.settings.getPublic('relay.url');
  const storeId = core.settings.getPublic('relay.storeId');
  const streamToken = core.vault.get('relay.streamToken');
  const signingKey = core.vault.get('relay.signingKey');
  return url && storeId && streamToken && signingKey ? { url, storeId, streamToken, signingKey } : null;
}

/** What a shell passes to boot: the core's options plus the outside connections' configuration. */
export interface BootOptions extends Omit<CoreOptions, 'gateway'> {
  /**
   * Where `dev` / `live` reach Kushki instead of its documented host (`--kushki-url` or
   * `CAJA_KUSHKI_BASE_URL`), e.g. a stand-alone simulator; demo always uses its own simulator.
   */
  kushkiBaseUrl?: string | undefined;
}

/** Boots the core and, in demo, the simulator, the relay and the relay client. */
export async function bootCaja(bootOptions: BootOptions): Promise<BootedCaja> {
  const { kushkiBaseUrl, ...options } = bootOptions;
  // A mistyped URL stops the start-up with a clear message, before the database is even opened.
  if (kushkiBaseUrl?.trim()) validKushkiBaseUrl(kushkiBaseUrl);
  let gateway: KushkiHttpClient | undefined;
  const core = createCore({ ...options, gateway: () => gateway ?? notReady, printer: () => gateway });
  // Older versions kept these as secret rows in SQLite; the vault holds them now.
  moveSecretRowsToVault(core.secrets, core.vault, options.logger);
  const configured = environmentOf(core.settings.getPublic(ENVIRONMENT_KEY));
  // See [Note: demo and real store]: the simulator and its virtual terminal never run on the real
  // store's books, whatever its settings say; without Kushki set up it runs as dev with no key.
  const environment = options.storeKind === 'real' && configured === 'demo' ? 'dev' : configured;
  let demo: DemoServices | null = null;
  let relayClient: RelayClient | null = null;
  try {
    let relay: ReturnType<typeof configuredRelay>;
    if (environment === 'demo') {
      if (kushkiBaseUrl?.trim()) options.logger.info('Kushki base URL ignored in demo (own simulator)');
      demo = await startDemoServices({
        dataDir: options.dataDir,
        settings: core.settings,
        secrets: core.secrets,
        logger: options.logger,
        sqliteNativeBinding: options.sqliteNativeBinding,
      });
      const simulator = demo.simulator;
      gateway = new KushkiHttpClient({ baseUrl: simulator.url, apiKey: () => simulator.token });
      core.setDemo({ terminalPageUrl: demo.terminalPageUrl, setRelayOnline: demo.setRelayOnline });
      if (core.terminals.list().length === 0) {
        core.terminals.save([{ serial: DEMO_TERMINAL_SERIAL, label: 'Terminal virtual', isDefault: true }]);
      }
      relay = demo.credentials;
    } else {
      // dev / live: Kushki's host (or the one configured), the key read from the vault on every
      // request (a new key applies at once).
      const baseUrl = kushkiBaseUrlFor(environment, kushkiBaseUrl);
      if (kushkiBaseUrl?.trim()) options.logger.warn('Kushki base URL overridden', { environment, baseUrl });
      gateway = new KushkiHttpClient({ baseUrl, apiKey: () => core.vault.get('kushki.apiKey') });
      relay = configuredRelay(core);
    }
    if (relay) {
      relayClient = new RelayClient({
        ...relay,
        inbox: core.relayInbox,
        logger: options.logger,
        onStatus: (status) => core.setRelayStatus(status),
        clientName: `caja/${process.env.CAJA_VERSION ?? 'dev'}`,
      });
      relayClient.start();
    }
    // Rule 8: every payment still in doubt is verified at start-up.
    await core.reconcile();
  } catch (error) {
    relayClient?.stop();
    await demo?.close();
    core.close();
    throw error;
  }
  return {
    core,
    environment,
    demo,
    async close() {
      relayClient?.stop();
      core.close();
      await demo?.close();
    },
  };
}

// Until the environment's gateway exists (a moment during boot) every call is refused unsent.
const notReady: PaymentGateway = {
  push: async () => ({ kind: 'rejected', responseCode: '001', httpStatus: 0, message: 'Caja is starting.' }),
  getStatus: async () => ({ kind: 'uncertain', reason: 'Caja is starting' }),
  cancel: async () => ({ kind: 'uncertain', reason: 'Caja is starting' }),
  refund: async () => ({ kind: 'uncertain', reason: 'Caja is starting' }),
};
