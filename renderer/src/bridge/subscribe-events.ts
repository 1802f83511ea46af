import type { CajaApi } from '../../../app/api/contract';
import type { AppStore } from '../store/create-app-store';

/** The one place that listens to the trusted side's events and refreshes the store. */
export function subscribeEvents(
  api: CajaApi,
  store: AppStore,
  reload: () => void = () => location.reload(),
): () => void {
  const stops = [
    api.on('sales.cart.updated', (cart) => store.getState().applyCart(cart)),
    api.on('settings.language.changed', ({ language }) => store.getState().applyLanguage(language)),
    api.on('payments.updated', (view) => {
      store.getState().applyPayment(view);
      // The office's reads (home counts, open items, refunds, shifts, reports) may all have moved.
      store.getState().invalidateOffice();
    }),
    api.on('sales.completed', ({ saleId }) => {
      store.getState().applySaleCompleted(saleId);
      store.getState().invalidateOffice();
    }),
    api.on('sales.tender.updated', (tender) => store.getState().applyTender(tender)),
    api.on('session.changed', (session) => store.getState().applySession(session)),
    api.on('relay.statusChanged', (status) => store.getState().applyRelay(status)),
    api.on('payments.notices.changed', () => store.getState().applyNoticesChanged()),
    api.on('printer.job.finished', (job) => store.getState().applyPrintJob(job)),
    api.on('office.products.importProgress', (progress) => store.getState().applyImportProgress(progress)),
    api.on('office.registers.paired', (register) => store.getState().applyRegisterPaired(register)),
    // The host opened the other store (demo ⇄ real): start the page over on that store's truth.
    api.on('app.store.switched', () => reload()),
    // A register whose link came back: what happened on the server meanwhile (a payment that ended,
    // a session locked) is read again from scratch. See [Note: a register without its server].
    api.on('register.link.changed', (view) => {
      const before = store.getState().registerLink;
      store.getState().applyRegisterLink(view);
      if (view.state === 'up' && before !== null && before.state !== 'up') reload();
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
