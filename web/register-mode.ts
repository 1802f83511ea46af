/**
 * Register mode (issue 17, deliverable 1): a web shell whose data directory joined a store server.
 * It opens no database and boots no core: it serves the renderer on 127.0.0.1 as usual, and its
 * loopback API forwards every call over the pinned-TLS link (app/host/register-client.ts). No Kushki key
 * and no relay credential exist here; the server's engine and relay settle this register's payments.
 */
import { nodeTimers } from '../app/host/node-timers';
import type { Logger } from '../app/ports/logger.port';
import type { Timers } from '../app/ports/timers.port';
import type { RegisterLink } from '../app/infra/registers/register-join';
import { startRegisterClient, type RegisterClient } from '../app/host/register-client';
import { startWebHost, type WebHost } from './web-host';

/** A running register: its loopback web host and its link. */
export interface RegisterMode {
  web: WebHost;
  client: RegisterClient;
  close(): Promise<void>;
}

/** Starts the link (it keeps retrying on its own) and the loopback web host in front of it. */
export async function startRegisterMode(options: {
  link: RegisterLink;
  credential: string;
  port: number;
  rendererDir: string;
  logger: Logger;
  timers?: Timers;
}): Promise<RegisterMode> {
  const { logger } = options;
  const client = startRegisterClient({
    link: options.link,
    credential: options.credential,
    timers: options.timers ?? nodeTimers,
    logger,
  });
  let web: WebHost;
  try {
    web = await startWebHost({ core: client, port: options.port, rendererDir: options.rendererDir, logger });
  } catch (error) {
    client.close();
    throw error;
  }
  logger.info('register mode', { registerId: options.link.registerId, serverUrl: options.link.serverUrl });
  return {
    web,
    client,
    close: async () => {
      await web.close();
      client.close();
    },
  };
}
