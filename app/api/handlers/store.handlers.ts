import type { Handlers } from '../dispatch';
import { fail, ok, type Result } from '../../domain/result';
import type { SecretName } from '../../domain/office/settings';
import type { StoreKind, StoreSetupInput } from '../../domain/store-setup';

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
}

/** Handlers of the `store.*` channels. See [Note: who may switch stores]. */
export function storeHandlers(
  control: () => StoreControl | undefined,
): Pick<Handlers, 'store.setup.create' | 'store.switch'> {
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
  };
}
