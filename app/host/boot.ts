/**
 * Starts Caja for a shell: the core, plus whatever the configured Kushki environment needs. In
 * `demo` (the default on a fresh install) that is the in-process simulator and relay; `dev` and
 * `live` get their key and relay settings in the manager's settings (issue 7) and, until then,
 * refuse card payments clearly rather than guess.
 */
import { createCore, type Core, type CoreOptions } from './create-core';
import { environmentOf } from './environment';
import { startDemoServices, DEMO_TERMINAL_SERIAL, type DemoServices } from './demo-services';
import { KushkiHttpClient } from '../infra/kushki/kushki-client';
import type { KushkiEnvironment } from '../infra/kushki/kushki-environments';
import { RelayClient } from '../infra/relay-client/relay-client';
import type { PaymentGateway } from '../ports/payment-gateway.port';

/** A booted Caja: the core and its outside connections. */
export interface BootedCaja {
  core: Core;
  environment: KushkiEnvironment;
  demo: DemoServices | null;
  close(): Promise<void>;
}

const ENVIRONMENT_KEY = 'kushki.environment';

/** Boots the core and, in demo, the simulator, the relay and the relay client. */
export async function bootCaja(options: Omit<CoreOptions, 'gateway'>): Promise<BootedCaja> {
  let gateway: PaymentGateway | undefined;
  const core = createCore({ ...options, gateway: () => gateway ?? notReady });
  const environment = environmentOf(core.settings.getPublic(ENVIRONMENT_KEY));
  let demo: DemoServices | null = null;
  let relayClient: RelayClient | null = null;
  try {
    if (environment === 'demo') {
      demo = await startDemoServices({
        dataDir: options.dataDir,
        settings: core.settings,
        secrets: core.secrets,
        logger: options.logger,
      });
      const simulator = demo.simulator;
      gateway = new KushkiHttpClient({ baseUrl: simulator.url, apiKey: () => simulator.token });
      core.setDemo({ terminalPageUrl: demo.terminalPageUrl });
      if (core.terminals.list().length === 0) {
        core.terminals.save([{ serial: DEMO_TERMINAL_SERIAL, label: 'Terminal virtual', isDefault: true }]);
      }
      relayClient = new RelayClient({
        ...demo.credentials,
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
