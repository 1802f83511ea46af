/**
 * The manager's office, registers (issue 17, deliverable 2): the one-time pairing code a register
 * joins with, and the list, rename and revoke of paired registers. Every `office.*` channel is
 * `manager` (see [Note: the office needs a manager]). No channel returns a credential.
 */
import type { PairingCodeView, RegisterServerInfo, RegisterView } from '../../domain/registers';

export interface RegistersContract {
  /** A fresh pairing code (10 minutes, single use); the previous one stops working. */
  'office.registers.pairingCode.create': {
    policy: 'manager';
    args: Record<string, never>;
    result: PairingCodeView;
  };
  /** Every paired register, revoked ones included. */
  'office.registers.list': {
    policy: 'manager';
    args: Record<string, never>;
    result: { registers: RegisterView[] };
  };
  'office.registers.rename': {
    policy: 'manager';
    args: { registerId: number; name: string };
    result: RegisterView;
  };
  /** Revokes a register for good; its open connection is closed at once. */
  'office.registers.revoke': { policy: 'manager'; args: { registerId: number }; result: RegisterView };
  /** Whether this PC serves registers (`--serve-registers`), at which URLs and with which certificate. */
  'office.registers.server.get': {
    policy: 'manager';
    args: Record<string, never>;
    result: RegisterServerInfo;
  };
}

/** This area's channels, in review order; channels.ts checks the union of all areas is complete. */
export const REGISTERS_CHANNELS = [
  'office.registers.pairingCode.create',
  'office.registers.list',
  'office.registers.rename',
  'office.registers.revoke',
  'office.registers.server.get',
] as const satisfies readonly (keyof RegistersContract)[];
