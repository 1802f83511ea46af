/**
 * A fake network receipt printer (issue 15, item 4): a TCP server on 127.0.0.1 that takes raw
 * ESC/POS as an Ethernet printer does on port 9100, decodes each job (text, cuts, drawer pulses) and
 * keeps it for tests and for a trainee to read (`npm run printer:fake`). Like a real printer it reads
 * a job until the sender half-closes, then closes its side; `hold()` makes it a slow printer that
 * keeps the connection open until `release()`, and `close()` makes it a printer that is off.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { decodeEscPos, renderJobText, type DecodedJob } from './escpos-decode';

/** A job as the fake received it. */
export interface ReceivedJob extends DecodedJob {
  bytes: Buffer;
  /** The job as text, for a trainee or a failing test's message. */
  text: string;
}

/** A running fake printer. */
export interface FakePrinter {
  readonly port: number;
  jobs(): ReceivedJob[];
  /** Resolves once `count` jobs have arrived in all (at once if they have). */
  waitForJobs(count: number): Promise<ReceivedJob[]>;
  /** Calls `listener` with every job from now on; returns the unsubscribe function. */
  onJob(listener: (job: ReceivedJob) => void): () => void;
  /** Connections from now on are read but not closed until `release()`: a slow printer. */
  hold(): void;
  release(): void;
  close(): Promise<void>;
}

/** Starts the fake on 127.0.0.1 (`port` 0: one the OS picks). */
export async function startFakePrinter(options: { port?: number } = {}): Promise<FakePrinter> {
  const jobs: ReceivedJob[] = [];
  const listeners = new Set<(job: ReceivedJob) => void>();
  const sockets = new Set<Socket>();
  let held: Socket[] | null = null;
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => {
      const bytes = Buffer.concat(chunks);
      const decoded = decodeEscPos(bytes);
      const job: ReceivedJob = { ...decoded, bytes, text: renderJobText(decoded) };
      jobs.push(job);
      for (const listener of [...listeners]) listener(job);
      if (held) held.push(socket);
      else socket.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const onJob = (listener: (job: ReceivedJob) => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return {
    port: (server.address() as AddressInfo).port,
    jobs: () => [...jobs],
    onJob,
    waitForJobs: (count) =>
      new Promise((resolve) => {
        if (jobs.length >= count) return resolve([...jobs]);
        const stop = onJob(() => {
          if (jobs.length < count) return;
          stop();
          resolve([...jobs]);
        });
      }),
    hold: () => {
      held ??= [];
    },
    release: () => {
      const waiting = held ?? [];
      held = null;
      for (const socket of waiting) socket.end();
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
