/**
 * A store server web shell serving registers on 127.0.0.1 and registers joined to it, each a real
 * web shell process on its own data directory (issue 17). Needs `npm run build`.
 */
import { createServer, type AddressInfo } from 'node:net';
import { connectShell, type ShellClient } from './shell-client';
import { freshDataDir, joinWebShell, startWebShell, type RunningShell } from './web-shell';
import { DEMO_USERS } from './sign-in';

/** A free TCP port on 127.0.0.1 (the server keeps its port across a restart, as a store's would). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The store server: its shell, a manager's page on it, and where registers reach it. */
export interface StoreServer {
  shell: RunningShell;
  page: ShellClient;
  serverUrl: string;
  registerPort: number;
  /** The demo simulator's base URL (its control API is `/_sim/…`). */
  simulatorUrl: string;
}

/** Starts (or restarts, on `dataDir`) the server with `--serve-registers 127.0.0.1:<port>`, manager signed in. */
export async function startStoreServer(
  options: { dataDir?: string; port?: number } = {},
): Promise<StoreServer> {
  const registerPort = options.port ?? (await freePort());
  const shell = await startWebShell({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    args: ['--serve-registers', `127.0.0.1:${registerPort}`],
  });
  const page = await connectShell(shell);
  await page.value('session.signIn', { userId: DEMO_USERS.manager.id, pin: DEMO_USERS.manager.pin });
  const info = await page.value<{ demoTerminalUrl: string | null }>('app.info.get');
  const simulatorUrl = new URL(info.demoTerminalUrl ?? 'http://127.0.0.1:1/').origin;
  return { shell, page, serverUrl: `https://127.0.0.1:${registerPort}`, registerPort, simulatorUrl };
}

/** A joined register: its shell and a page on it, its link up. */
export interface JoinedRegister {
  shell: RunningShell;
  page: ShellClient;
  registerId: number;
}

/** Pairs a fresh data directory with `server` (`--join`), then starts it in register mode. */
export async function joinRegister(server: StoreServer, name: string): Promise<JoinedRegister> {
  const code = await server.page.value<{ code: string }>('office.registers.pairingCode.create');
  const dataDir = freshDataDir('caja-register-');
  const joined = await joinWebShell(dataDir, { serverUrl: server.serverUrl, pairingCode: code.code, name });
  const id = /^Caja register (\d+) /.exec(joined.stdout)?.[1];
  if (joined.code !== 0 || !id)
    throw new Error(`join failed (${joined.code}): ${joined.stdout}\n${joined.stderr}`);
  const shell = await startWebShell({ dataDir });
  const page = await connectShell(shell);
  await waitForLink(page, 'up');
  return { shell, page, registerId: Number(id) };
}

/** Resolves when the register's page has heard its link is in `state` (the latest state heard). */
export async function waitForLink(page: ShellClient, state: 'up' | 'down' | 'revoked'): Promise<void> {
  const latest = () =>
    (page.events.filter((e) => e.event === 'register.link.changed').at(-1)?.payload as { state?: string })
      ?.state;
  if (latest() === state) return;
  await page.waitForEvent(
    (e) => e.event === 'register.link.changed' && (e.payload as { state: string }).state === state,
  );
}

/** Calls the demo simulator's control API. */
export async function simulator<T = unknown>(
  server: Pick<StoreServer, 'simulatorUrl'>,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${server.simulatorUrl}/_sim/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`simulator ${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The request the simulator has on `serial`'s screen right now, or undefined. */
export async function onScreen(
  server: Pick<StoreServer, 'simulatorUrl'>,
  serial: string,
): Promise<{ uniqueReference: string } | undefined> {
  const requests = await simulator<{ uniqueReference: string; terminalState: string }[]>(
    server,
    'GET',
    `requests?serial=${encodeURIComponent(serial)}`,
  );
  return requests.find((r) => r.terminalState === 'on-screen');
}
