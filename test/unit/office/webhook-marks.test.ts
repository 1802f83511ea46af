import { describe, expect, it } from 'vitest';
import { markWebhooks, type LedgerRow } from '../../../app/domain/office/webhook-marks';

let nextId = 1;
const transition = (toStatus: LedgerRow['toStatus']): LedgerRow => ({
  id: nextId++,
  kind: 'transition',
  toStatus,
  detail: null,
  rawPayload: null,
});
const webhook = (result: string, time: string, kind = 'sale'): LedgerRow => ({
  id: nextId++,
  kind: 'webhook',
  toStatus: null,
  detail: `${kind}:${result}`,
  rawPayload: JSON.stringify({
    result,
    authorizationTime: time,
    transactionType: kind === 'sale' ? 'venta' : 'devolucion',
  }),
});

describe('webhook marks', () => {
  it('marks an identical second delivery as a duplicate of the first', () => {
    const first = webhook('aprobada', '2026-11-20T10:00:05-06:00');
    const copy = { ...first, id: nextId++ };
    const marks = markWebhooks([{ ...transition('sent') }, first, transition('approved'), copy]);
    expect(marks.get(first.id)).toMatchObject({
      duplicate: false,
      duplicateOf: null,
      outOfOrder: null,
      claims: 'approved',
      statusOnArrival: 'sent',
    });
    expect(marks.get(copy.id)).toMatchObject({
      duplicate: true,
      duplicateOf: `event:${first.id}`,
      outOfOrder: null,
    });
  });

  it('marks news older than news already received, and a claim that would move the payment backwards', () => {
    const approval = webhook('aprobada', '2026-11-20T10:00:05-06:00');
    const stale = webhook('rechazada', '2026-11-20T10:00:04-06:00');
    const undated = { ...webhook('rechazada', 'not a date'), id: nextId++ };
    const marks = markWebhooks([transition('sent'), approval, transition('approved'), stale, undated]);
    expect(marks.get(stale.id)?.outOfOrder).toBe('earlier_than_previous');
    expect(marks.get(undated.id)).toMatchObject({ outOfOrder: 'behind_status', statusOnArrival: 'approved' });
  });

  it('does not flag Kushki news that moves a payment forward, even past a local final state', () => {
    const late = webhook('aprobada', '2026-11-20T10:01:00-06:00');
    const refund = webhook('aprobada', '2026-11-20T11:00:00-06:00', 'refund');
    const marks = markWebhooks([transition('expired'), late, transition('approved'), refund]);
    expect(marks.get(late.id)?.outOfOrder).toBeNull();
    expect(marks.get(refund.id)).toMatchObject({ outOfOrder: null, claims: 'refunded' });
  });
});
