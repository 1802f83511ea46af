import type { Handlers } from '../dispatch';
import { fail, ok, type Result } from '../../domain/result';
import type { SecretName } from '../../domain/office/settings';
import type { StoreKind, StoreSetupInput } from '../../domain/store-setup';
import type { JoinedRegister, StoreJoinInput } from '../../domain/registers';

/**
 * What the host lets the core do with the data directory's stores (app/host/store-host.ts). A core
 * built without a host (most tests) has none, and the store channels answer `unavailable`.
 */
export interface StoreControl {
  /** The store this core runs. */
  kind: StoreKind;
  realExists(): boolean;
  /** Creates the real store (not yet opened). */
  createReal(input: StoreSetupInput): Promise<Result<{ secretsNotStored: SecretName[] }>>;
  /** Closes this core and opens the other store; refused while a card payment is in flight. */
  switchTo(kind: StoreKind): Promise<Result<{ kind: StoreKind }>>;
  /** Pairs this data directory with a store server as a register (issue 17), as `--join` does. */
  join(input: StoreJoinInput): Promise<Result<JoinedRegister>>;
}

/** Handlers of the `store.*` channels. See [Note: who may switch stores]. */
export function storeHandlers(
  control: () => StoreControl | undefined,
): Pick<Handlers, 'store.setup.create' | 'store.switch' | 'store.join'> {
  return {
    'store.setup.create': async (input) => {
      const store = control();
      if (!store) return fail('unavailable', 'Esta instalación no puede crear tiendas.');
      if (store.kind !== 'demo') return fail('forbidden', 'El asistente sólo se abre desde la tienda demo.');
      if (store.realExists())
        return fail('conflict', 'La tienda real ya existe: ábrala con «Ir a mi tienda».');
      const created = await store.createReal(input);
      if (!created.ok) return created;
      const switched = await store.switchTo('real');
      if (!switched.ok) return switched;
      return ok({ kind: 'real' as const, secretsNotStored: created.value.secretsNotStored });
    },
    'store.switch': async ({ to }) => {
      const store = control();
      if (!store) return fail('unavailable', 'Esta instalación no puede cambiar de tienda.');
      return store.switchTo(to);
    },
    // Same gate as the wizard (see [Note: who may switch stores]): a real store's books never join.
    'store.join': async (input) => {
      const store = control();
      if (!store) return fail('unavailable', 'Esta instalación no puede unirse a una caja principal.');
      if (store.kind !== 'demo' || store.realExists())
        return fail('conflict', 'Esta PC ya tiene su propia tienda: no puede unirse a otra caja principal.');
      return store.join(input);
    },
  };
}
