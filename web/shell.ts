/**
 * The web shell's listeners (issue 17, deliverable 5): the loopback web host always, on 127.0.0.1
 * only; the register server only when `--serve-registers` asks for it, and then only with the TLS
 * transport of web/register-server.ts. Kept apart from host.ts so a test can prove the default binds
 * nothing else.
 */
import type { HostedCore, HostedRegisters } from '../app/host/store-host';
import { loadOrCreateTlsIdentity } from '../app/infra/security/tls-identity';
import type { Logger } from '../app/ports/logger.port';
import type { RegistersService } from '../app/services/registers/registers.service';
import type { ListenAddress } from './args';
import { startRegisterServer, type RegisterServer } from './register-server';
import { httpsUrl } from './register-server-info';
import { startWebHost, type WebHost } from './web-host';

/** The running listeners. */
export interface ShellListeners {
  web: WebHost;
  /** Null unless serving registers was switched on. */
  registers: RegisterServer | null;
  close(): Promise<void>;
}

/** Starts the web host and, when asked, the register server. */
export async function startShellListeners(options: {
  core: HostedCore & HostedRegisters;
  port: number;
  rendererDir: string;
  dataDir: string;
  serveRegisters?: ListenAddress | undefined;
  /** The current store's registers (the store may be switched). */
  registers: () => RegistersService;
  logger: Logger;
}): Promise<ShellListeners> {
  const { logger } = options;
  const web = await startWebHost({
    core: options.core,
    port: options.port,
    rendererDir: options.rendererDir,
    logger,
  });
  let registers: RegisterServer | null = null;
  if (options.serveRegisters) {
    try {
      registers = await startRegisterServer({
        ...options.serveRegisters,
        identity: await loadOrCreateTlsIdentity(options.dataDir),
        registers: options.registers,
        core: options.core,
        logger,
      });
    } catch (error) {
      await web.close();
      throw error;
    }
    logger.info('serving registers', {
      url: httpsUrl(registers.host, registers.port),
      fingerprint: registers.fingerprint,
    });
  }
  return {
    web,
    registers,
    close: async () => {
      await registers?.close();
      await web.close();
    },
  };
}
