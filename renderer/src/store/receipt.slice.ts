import type { CajaApi } from '../../../app/api/contract';
import type { PrintJobView } from '../../../app/domain/printer';
import type { ReturnableSale, ReturnCreated, ReturnRequest } from '../../../app/domain/office/returns';
import type { Receipt, ReceiptSummary } from '../../../app/domain/receipt';
import type { GetState, SetState } from './store-types';

/** Receipts: the one being shown (after a sale or for a reprint) and the list of past sales. */
export interface ReceiptSlice {
  receipt: Receipt | null;
  receipts: ReceiptSummary[];
  receiptsOpen: boolean;
  loadReceipt(saleId: number): Promise<void>;
  showReceipts(open: boolean): Promise<void>;
  /** Sends a stored receipt to the default terminal's printer (Kushki print-ticket). */
  printOnTerminal(saleId: number): Promise<void>;
  /** Saves the shown receipt as a PDF: the desktop app asks where; elsewhere the print dialog does it. */
  savePdf(saleId: number): Promise<void>;
  /**
   * Prints a ticket on the store's receipt printer (trusted side); with none set up, the print
   * dialog prints the receipt on screen. A failure arrives as `printer.job.finished`.
   */
  printReceipt(saleId: number): Promise<void>;
  /** The last print job that failed, until the cashier closes it or it prints after all. */
  printFailure: PrintJobView | null;
  applyPrintJob(job: PrintJobView): void;
  dismissPrintFailure(): void;
  /** The shown sale's lines with what can still come back (returns at the counter, issue 14). */
  returnable: ReturnableSale | null;
  loadReturnable(saleId: number): Promise<void>;
  /** A return approved by a manager's PIN; null when refused (the error is shown). */
  returnItems(request: ReturnRequest, managerPin: string): Promise<ReturnCreated | null>;
}

/** Receipt actions; every receipt is read from the trusted side's stored data. */
export function createReceiptSlice(api: CajaApi, set: SetState, get: GetState): ReceiptSlice {
  return {
    receipt: null,
    receipts: [],
    receiptsOpen: false,
    returnable: null,
    async loadReturnable(saleId) {
      set({ returnable: null });
      const reply = await api.invoke('sales.returns.get', { saleId });
      if (reply.ok) set({ returnable: reply.value });
      else get().showError(reply.error);
    },
    async returnItems(request, managerPin) {
      const reply = await api.invoke('sales.returns.create', { ...request, managerPin });
      if (!reply.ok) {
        get().showError(reply.error);
        return null;
      }
      const again = await api.invoke('sales.returns.get', { saleId: request.saleId });
      if (again.ok) set({ returnable: again.value });
      return reply.value;
    },
    async loadReceipt(saleId) {
      const reply = await api.invoke('sales.receipt.get', { saleId });
      if (reply.ok) set({ receipt: reply.value });
      else get().showError(reply.error);
    },
    async printOnTerminal(saleId) {
      const reply = await api.invoke('sales.receipt.printOnTerminal', { saleId });
      if (reply.ok) get().notify('info', 'receipt.printedOnTerminal', { serial: reply.value.terminalSerial });
      else get().showError(reply.error);
    },
    async savePdf(saleId) {
      const reply = await api.invoke('sales.receipt.savePdf', { saleId });
      if (reply.ok) return;
      if (reply.error.code === 'unavailable') window.print();
      else get().showError(reply.error);
    },
    async printReceipt(saleId) {
      const reply = await api.invoke('sales.receipt.print', { saleId });
      if (!reply.ok) {
        if (reply.error.code === 'unavailable') window.print();
        else get().showError(reply.error);
      } else if (reply.value.status === 'printed') get().notify('info', 'printer.printed');
    },
    printFailure: null,
    applyPrintJob(job) {
      // The settings screen shows its own test page's outcome.
      if (job.kind === 'test') return;
      if (job.status === 'failed') set({ printFailure: job });
      else if (get().printFailure?.saleId === job.saleId && job.kind === 'receipt')
        set({ printFailure: null });
    },
    dismissPrintFailure() {
      set({ printFailure: null });
    },
    async showReceipts(open) {
      set({ receiptsOpen: open, receipt: null });
      if (!open) return;
      const reply = await api.invoke('sales.receipts.list', {});
      if (reply.ok) set({ receipts: reply.value });
      else get().showError(reply.error);
    },
  };
}
