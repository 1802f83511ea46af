/**
 * The cash drawer, opened by a pulse on the printer's drawer port (issue 15, item 3): on a cash sale
 * completing, a cash return, a cash in/out, and by a manager with a reason ("Abrir cajón"). Every
 * opening is in the audit log with who and why, whether or not the printer answered; a pulse that
 * did not go through is audited too, so the log never claims an opening that did not happen.
 * Each register has its own drawer on its own printer (issue 17): the pulse goes to the register
 * where the cash moved, and the audit row names it.
 */
import type { DrawerReason, PrintJobView } from '../../domain/printer';
import { fail, ok, type Result } from '../../domain/result';
import type { AuditLog } from '../../ports/audit.port';
import type { Clock } from '../../ports/clock.port';
import type { ActorId } from '../../ports/payments.port';
import type { PrintQueue } from './print-queue';
import type { PrinterChoice } from './printing.service';

/** Drawer kicks through the receipt printer. */
export class DrawerService {
  constructor(
    private readonly deps: {
      queue: PrintQueue;
      /** The printer `registerId`'s settings name right now. */
      printer: (registerId: number) => PrinterChoice;
      audit: AuditLog;
      clock: Clock;
    },
  ) {}

  /** Whether a cash movement at `registerId` should pulse its drawer now (set up on a printer that can). */
  enabled(registerId: number): boolean {
    const choice = this.deps.printer(registerId);
    return choice.drawer && 'printer' in choice && choice.printer.canKickDrawer;
  }

  /**
   * Opens `registerId`'s drawer for `reason`: audited, then queued (never awaited by a sale or a
   * refund). Call it from any cash path (returns: `kick({ kind: 'cash_return', saleId }, actor,
   * registerId)`); it does nothing when that register has no drawer on its printer.
   */
  kick(reason: DrawerReason, actor: ActorId, registerId: number): Promise<PrintJobView> | null {
    if (!this.enabled(registerId)) return null;
    this.record(reason, actor, registerId);
    return this.deps.queue
      .enqueue({
        kind: 'drawer',
        saleId: 'saleId' in reason ? reason.saleId : null,
        registerId,
        resolve: () => {
          const choice = this.deps.printer(registerId);
          if (!('printer' in choice)) return { failure: choice.failure };
          return { printer: choice.printer, request: { document: null, openDrawer: true } };
        },
      })
      .then((job) => this.recordFailure(job, actor));
  }

  /** The manager's "Abrir cajón" without a sale: needs a reason, fails plainly when there is no drawer. */
  async openByManager(note: string, actor: number, registerId: number): Promise<Result<PrintJobView>> {
    if (!this.enabled(registerId))
      return fail('unavailable', 'No cash drawer is set up on a network printer.');
    const job = this.kick({ kind: 'manual', note }, actor, registerId);
    return job ? ok(await job) : fail('unavailable', 'No cash drawer is set up on a network printer.');
  }

  /** Audits an opening (also used when the pulse rides on a receipt's job). */
  record(reason: DrawerReason, actor: ActorId, registerId: number): void {
    this.deps.audit.append(
      {
        action: 'drawer.opened',
        actorUserId: actor,
        registerId,
        subject: 'saleId' in reason ? `sale:${reason.saleId}` : 'drawer',
        details: { ...reason },
      },
      this.deps.clock.now(),
    );
  }

  /** Audits a pulse the printer did not take; answers the job unchanged. */
  recordFailure(job: PrintJobView, actor: ActorId): PrintJobView {
    if (job.status === 'failed') {
      this.deps.audit.append(
        {
          action: 'drawer.open_failed',
          actorUserId: actor,
          registerId: job.registerId,
          subject: job.saleId === null ? 'drawer' : `sale:${job.saleId}`,
          details: { job: job.id, failure: job.failure },
        },
        this.deps.clock.now(),
      );
    }
    return job;
  }
}
