import type { Handlers } from '../../dispatch';
import type { RegistersContract } from '../../office/registers.contract';
import type { RegisterServerInfo } from '../../../domain/registers';
import type { RegistersService } from '../../../services/registers/registers.service';

/** What the registers channels call (built by app/host/build-office.ts). */
export interface RegistersHandlersDeps {
  registers: RegistersService;
  /** The shell's listener for registers, as the host describes it (not serving by default). */
  server: () => RegisterServerInfo;
}

/** Handlers of the office's registers channels. */
export function registersHandlers({
  registers,
  server,
}: RegistersHandlersDeps): Pick<Handlers, keyof RegistersContract> {
  return {
    'office.registers.pairingCode.create': () => registers.createPairingCode(),
    'office.registers.list': () => registers.list(),
    'office.registers.rename': ({ registerId, name }) => registers.rename(registerId, name),
    'office.registers.revoke': ({ registerId }) => registers.revoke(registerId),
    'office.registers.server.get': () => server(),
  };
}
