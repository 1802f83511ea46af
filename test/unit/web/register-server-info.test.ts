/**
 * Issue 17: what the Cajas tab shows a manager to type on the other PC. A listener on one address
 * has that URL; one on a wildcard lists the machine's non-internal IPv4 addresses (never loopback,
 * never IPv6 link-local), each once.
 */
import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { describeRegisterServer, registerServerUrls } from '../../../web/register-server-info';
import type { RegisterServer } from '../../../web/register-server';

function nic(address: string, family: 'IPv4' | 'IPv6', internal = false): NetworkInterfaceInfo {
  const base = { address, netmask: '255.255.255.0', mac: '00:00:00:00:00:00', internal, cidr: null };
  return family === 'IPv4' ? { ...base, family } : { ...base, family, scopeid: 0 };
}

const INTERFACES = {
  lo: [nic('127.0.0.1', 'IPv4', true), nic('::1', 'IPv6', true)],
  eth0: [nic('192.168.1.10', 'IPv4'), nic('fe80::1', 'IPv6')],
  wlan0: [nic('10.0.0.7', 'IPv4')],
  // The same address on a bridge is listed once.
  br0: [nic('192.168.1.10', 'IPv4')],
};

describe('the register server’s URLs', () => {
  it('a wildcard listener: every non-internal IPv4 address, once', () => {
    expect(registerServerUrls('0.0.0.0', 7443, INTERFACES)).toEqual([
      'https://192.168.1.10:7443',
      'https://10.0.0.7:7443',
    ]);
    expect(registerServerUrls('::', 7443, INTERFACES)).toEqual([
      'https://192.168.1.10:7443',
      'https://10.0.0.7:7443',
    ]);
  });

  it('a listener on one address: that address only (an IPv6 one in brackets)', () => {
    expect(registerServerUrls('127.0.0.1', 41234, INTERFACES)).toEqual(['https://127.0.0.1:41234']);
    expect(registerServerUrls('fd00::5', 7443, INTERFACES)).toEqual(['https://[fd00::5]:7443']);
  });

  it('a machine with no network: no URL to offer', () => {
    expect(registerServerUrls('0.0.0.0', 7443, { lo: INTERFACES.lo })).toEqual([]);
  });

  it('describes a running listener with its fingerprint; none means not serving', () => {
    const server = { host: '0.0.0.0', port: 7443, fingerprint: 'AB:CD' } as RegisterServer;
    expect(describeRegisterServer(server, () => INTERFACES)).toEqual({
      serving: true,
      urls: ['https://192.168.1.10:7443', 'https://10.0.0.7:7443'],
      fingerprint: 'AB:CD',
    });
    expect(describeRegisterServer(null)).toBeNull();
  });
});
