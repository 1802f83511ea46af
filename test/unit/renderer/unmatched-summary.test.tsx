/**
 * Issue 11 finding 6 in the office: webhooks with no payment past the list, and those only counted
 * past the cap, read as "N more similar notices" lines, not as thousands of rows (es-MX, English).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CajaApi } from '../../../app/api/contract';
import type { UnmatchedOverflowItem } from '../../../app/domain/office/refunds';
import { UnmatchedWebhooks } from '../../../renderer/src/features/office/refunds/unmatched-webhooks';
import { initI18n } from '../../../renderer/src/i18n/i18n';
import { createAppStore } from '../../../renderer/src/store/create-app-store';
import { StoreContext } from '../../../renderer/src/store/store-context';

const api: CajaApi = {
  invoke: async () => {
    throw new Error('nothing is clicked here');
  },
  on: () => () => undefined,
  channels: [],
  events: [],
};

const overflow: UnmatchedOverflowItem[] = [
  { day: '2026-03-10', kind: 'sale', count: 1_500, firstAt: 0, lastAt: 0 },
];

function render(notListed: number, items: UnmatchedOverflowItem[]): string {
  return renderToStaticMarkup(
    <StoreContext.Provider value={createAppStore(api)}>
      <UnmatchedWebhooks items={[]} notListed={notListed} overflow={items} />
    </StoreContext.Provider>,
  );
}

let i18n: Awaited<ReturnType<typeof initI18n>>;
beforeAll(async () => {
  i18n = await initI18n('es-MX');
});

describe('unmatched webhooks summary', () => {
  it('sums up what is not listed and what was only counted', async () => {
    await i18n.changeLanguage('es-MX');
    const es = render(400, overflow);
    expect(es).toContain('Y 400 avisos similares más, guardados pero no listados aquí.');
    expect(es).toContain('2026-03-10: 1500 avisos más de venta, solo contados');
    expect(es).toContain('hasta 500 avisos sin revisar');
    await i18n.changeLanguage('en');
    expect(render(1, overflow)).toContain('And 1 more similar notice, kept but not listed here.');
  });

  it('says nothing more when everything is listed', async () => {
    await i18n.changeLanguage('es-MX');
    expect(render(0, [])).not.toContain('unmatched-more');
  });
});
