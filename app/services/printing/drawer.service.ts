/**
 * The cash drawer, opened by a pulse on the printer's drawer port (issue 15, item 3): on a cash sale
 * completing, a cash return, a cash in/out, and by a manager with a reason ("Abrir cajón"). Every
 * opening is in the audit log with who and why, whether or not the printer answered; a pulse that
 * did not go through is audited too, so the log never claims an opening that did not happen.
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
      printer: () => PrinterChoice;
      audit: AuditLog;
      clock: Clock;
    },
  ) {}

  /** Whether a cash movement should pulse the drawer now (a drawer is set up on a printer that can). */
  enabled(): boolean {
    const choice = this.deps.printer();
    return choice.drawer && 'printer' in choice && choice.printer.canKickDrawer;
  }

  /**
   * Opens the drawer for `reason`: audited, then queued (never awaited by a sale or a refund). Call it
   * from any cash path (returns: `kick({ kind: 'cash_return', saleId }, actor)`); it does nothing when
   * the store has no drawer on its printer.
   */
  kick(reason: DrawerReason, actor: ActorId): Promise<PrintJobView> | null {
    if (!this.enabled()) return null;
    this.record(reason, actor);
    return this.deps.queue
      .enqueue({
        kind: 'drawer',
        saleId: 'saleId' in reason ? reason.saleId : null,
        resolve: () => {
          const choice = this.deps.printer();
          if (!('printer' in choice)) return { failure: choice.failure };
          return { printer: choice.printer, request: { document: null, openDrawer: true } };
        },
      })
      .then((job) => this.recordFailure(job, actor));
  }

  /** The manager's "Abrir cajón" without a sale: needs a reason, fails plainly when there is no drawer. */
  async openByManager(note: string, actor: number): Promise<Result<PrintJobView>> {
    if (!this.enabled()) return fail('unavailable', 'No cash drawer is set up on a network printer.');
    const job = this.kick({ kind: 'manual', note }, actor);
    return job ? ok(await job) : fail('unavailable', 'No cash drawer is set up on a network printer.');
  }

  /** Audits an opening (also used when the pulse rides on a receipt's job). */
  record(reason: DrawerReason, actor: ActorId): void {
    this.deps.audit.append(
      {
        action: 'drawer.opened',
        actorUserId: actor,
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
          subject: job.saleId === null ? 'drawer' : `sale:${job.saleId}`,
          details: { job: job.id, failure: job.failure },
        },
        this.deps.clock.now(),
      );
    }
    return job;
  }
}
