import type { TFunction } from 'i18next';
import type { PrintJobView } from '../../../../../app/domain/printer';
import type { Status } from './status-line';

/** Words the outcome of a print job (test page, drawer) for a section's status line. */
export function jobStatus(job: PrintJobView, okText: string, t: TFunction): Status {
  if (job.status === 'printed') return { tone: 'ok', text: okText };
  const reason = t(`printer.failure.${job.failure ?? 'failed'}`);
  return {
    tone: 'error',
    text: t(`printer.failed.${job.kind === 'drawer' ? 'drawer' : 'test'}`, { reason }),
  };
}
