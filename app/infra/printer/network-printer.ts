/**
 * A network receipt printer on raw TCP (port 9100: Epson TM-T20 and the compatible models sold in
 * Mexico). Every step has a deadline, so a printer that is off, unplugged or stuck can only make a
 * job fail, never hang it:
 * - connect: `connectTimeoutMs` (an address with no printer never answers at all);
 * - the whole job: `jobTimeoutMs`, counted from the start, which ends at the printer's own close:
 *   after our last byte we half-close, and a printer that has taken the job closes its side. A
 *   printer that never closes is reported `timeout` (it may still have printed: the cashier sees the
 *   notice and checks the paper).
 */
import { Socket } from 'node:net';
import type { PrintFailure } from '../../domain/printer';
import type { PrintOutcome, PrintRequest, ReceiptPrinter } from '../../ports/receipt-printer.port';
import { encodeEscPos, type LogoImage } from './escpos-receipt';

/** Where the printer is and how long to wait for it. */
export interface NetworkPrinterOptions {
  host: string;
  port: number;
  connectTimeoutMs?: number;
  jobTimeoutMs?: number;
  logo?: () => LogoImage | null;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 3_000;
const DEFAULT_JOB_TIMEOUT_MS = 15_000;

function failureOf(error: NodeJS.ErrnoException): PrintFailure {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'refused';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'unreachable';
    case 'ETIMEDOUT':
      return 'timeout';
    default:
      return 'failed';
  }
}

/** Sends ESC/POS to host:port. */
export class NetworkPrinter implements ReceiptPrinter {
  readonly canKickDrawer = true;

  constructor(private readonly options: NetworkPrinterOptions) {}

  print(request: PrintRequest): Promise<PrintOutcome> {
    const bytes = encodeEscPos(request.document, {
      openDrawer: request.openDrawer,
      cut: request.document !== null,
      logo: request.document ? this.options.logo?.() : null,
    });
    return this.send(bytes);
  }

  /** Writes `bytes` and waits for the printer to close the connection, within the deadlines. */
  send(bytes: Uint8Array): Promise<PrintOutcome> {
    const { host, port } = this.options;
    const connectMs = this.options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    const jobMs = this.options.jobTimeoutMs ?? DEFAULT_JOB_TIMEOUT_MS;
    return new Promise((resolve) => {
      const socket = new Socket();
      let connected = false;
      let settled = false;
      const finish = (outcome: PrintOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(connectTimer);
        clearTimeout(jobTimer);
        socket.destroy();
        resolve(outcome);
      };
      const connectTimer = setTimeout(
        () =>
          finish({
            ok: false,
            failure: 'unreachable',
            detail: `no answer from ${host}:${port} in ${connectMs} ms`,
          }),
        connectMs,
      );
      const jobTimer = setTimeout(
        () =>
          finish({
            ok: false,
            failure: connected ? 'timeout' : 'unreachable',
            detail: `the printer at ${host}:${port} did not finish in ${jobMs} ms`,
          }),
        jobMs,
      );
      socket.on('error', (error: NodeJS.ErrnoException) =>
        finish({ ok: false, failure: failureOf(error), detail: `${error.code ?? 'error'} ${host}:${port}` }),
      );
      // Whatever the printer sends back (status bytes of some models) is not needed: read and drop it.
      socket.on('data', () => undefined);
      socket.on('close', () => {
        if (connected) finish({ ok: true });
      });
      socket.connect({ host, port }, () => {
        connected = true;
        clearTimeout(connectTimer);
        socket.end(bytes);
      });
    });
  }
}
