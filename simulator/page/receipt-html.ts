// A fake receipt at /ticket/{url} (§8 #27), so the webhook's `url` leads somewhere a tester can open.
import { toMexicoIso } from '../core/dates';
import { formatCents } from '../core/money';
import type { CardAttempt, RequestView } from '../types';
import { escapeHtml } from './escape';

/** The receipt page of one approved sale. */
export function receiptPage(request: RequestView, sale: CardAttempt): string {
  const rows: [string, string][] = [
    ['Comercio', 'Caja (simulador)'],
    ['Fecha', toMexicoIso(sale.at)],
    ['Importe', `$${formatCents(request.amountCents)} MXN`],
    ['Propina', `$${formatCents(request.tipCents)} MXN`],
    ['Meses sin intereses', String(request.msi)],
    ['Tarjeta', `${sale.brand} •••• ${sale.last4}`],
    ['Autorización', sale.authorization ?? ''],
    ['Transacción', sale.transactionId],
    ['Referencia', request.uniqueReference],
    ['Descripción', request.description ?? ''],
    ['Estado', request.status],
  ];
  const body = rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('\n');
  return `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Ticket</title></head>
<body><h1>Ticket de venta</h1><table>
${body}
</table></body></html>
`;
}
