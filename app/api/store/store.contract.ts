/**
 * The first-run wizard and the demo/real switch (issue 13). See [Note: demo and real store] in
 * app/host/store-location.ts and [Note: who may switch stores] in app/api/policies.ts.
 */
import type { SecretName } from '../../domain/office/settings';
import type { StoreKind, StoreSetupInput } from '../../domain/store-setup';
import type { JoinedRegister, StoreJoinInput } from '../../domain/registers';

export interface StoreContract {
  /**
   * Creates the real store in its own empty database (store details, time zone, first manager,
   * optional Kushki and relay) and opens it. Only from the demo; `conflict` when it already exists.
   */
  'store.setup.create': {
    policy: 'manager';
    args: StoreSetupInput;
    result: { kind: 'real'; secretsNotStored: SecretName[] };
  };
  /** Opens the demo (training) or the real store; `conflict` while a card payment is in flight. */
  'store.switch': { policy: 'manager'; args: { to: StoreKind }; result: { kind: StoreKind } };
  /**
   * Pairs this PC with a store server as a register (issue 17), as `--join` does: only from the
   * demo with no real store. Keeps the link and the credential; Caja must then restart. A refusal
   * says why in its `reason` (`join_*`).
   */
  'store.join': { policy: 'manager'; args: StoreJoinInput; result: JoinedRegister };
}

/** This area's channels. */
export const STORE_CHANNELS = [
  'store.setup.create',
  'store.switch',
  'store.join',
] as const satisfies readonly (keyof StoreContract)[];
