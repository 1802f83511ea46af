/**
 * What the office's Cajas tab shows of this PC's listener for registers (issue 17,
 * `office.registers.server.get`): the URLs a joining register can type and the certificate's
 * fingerprint. A listener on a wildcard address (0.0.0.0, ::) has no one URL: it lists the
 * machine's non-internal IPv4 addresses, read per ask so a new DHCP lease shows at once.
 */
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import type { RegisterServerInfo } from '../app/domain/registers';
import type { RegisterServer } from './register-server';

type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

const WILDCARDS = new Set(['0.0.0.0', '::', '']);

/** `https://host:port`, an IPv6 address in brackets. */
export function httpsUrl(host: string, port: number): string {
  return `https://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** The URLs registers reach a listener on `host:port` at. */
export function registerServerUrls(host: string, port: number, interfaces: Interfaces): string[] {
  if (!WILDCARDS.has(host)) return [httpsUrl(host, port)];
  const addresses = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((entry) => entry.family === 'IPv4' && !entry.internal)
    .map((entry) => entry.address);
  return [...new Set(addresses)].map((address) => httpsUrl(address, port));
}

/** The listener as the office sees it; null (not serving) without one. */
export function describeRegisterServer(
  server: RegisterServer | null | undefined,
  interfaces: () => Interfaces = networkInterfaces,
): RegisterServerInfo | null {
  if (!server) return null;
  return {
    serving: true,
    urls: registerServerUrls(server.host, server.port, interfaces()),
    fingerprint: server.fingerprint,
  };
}
