import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProductsTab } from './products/products-tab';
import { RegistersTab } from './registers/registers-tab';
import { RefundsTab } from './refunds/refunds-tab';
import { SettingsTab } from './settings/settings-tab';
import { ShiftsTab } from './shifts/shifts-tab';
import { TransactionsTab } from './transactions/transactions-tab';
import { ScreenBoundary } from '../common/screen-boundary';

/** The office's areas, in tab order; the first is the manager's home (open items and counts). */
const TABS = [
  { id: 'refunds', label: 'officeRefunds.tab', Panel: RefundsTab },
  { id: 'transactions', label: 'officeTransactions.tab', Panel: TransactionsTab },
  { id: 'shifts', label: 'officeShifts.tab', Panel: ShiftsTab },
  { id: 'products', label: 'officeProducts.tab', Panel: ProductsTab },
  { id: 'registers', label: 'officeRegisters.tab', Panel: RegistersTab },
  { id: 'settings', label: 'officeSettings.tab', Panel: SettingsTab },
] as const;

type TabId = (typeof TABS)[number]['id'];

/** The manager's office: a tab list (arrow keys move between tabs, as WAI-ARIA tabs do) and one panel. */
export function OfficeScreen() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState<TabId>('refunds');
  const index = TABS.findIndex((tab) => tab.id === current);
  const active = TABS[index] ?? TABS[0];
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(index + step + TABS.length) % TABS.length] ?? TABS[0];
    setCurrent(next.id);
    document.getElementById(`office-tab-${next.id}`)?.focus();
  };
  return (
    <main className="office-screen">
      <h2 className="visually-hidden">{t('office.title')}</h2>
      <div role="tablist" aria-label={t('office.tabs')} className="office-tabs" onKeyDown={onKeyDown}>
        {TABS.map((tab) => (
          <button
            key={tab.id}
            id={`office-tab-${tab.id}`}
            type="button"
            role="tab"
            aria-selected={tab.id === current}
            aria-controls={`office-panel-${tab.id}`}
            tabIndex={tab.id === current ? 0 : -1}
            onClick={() => setCurrent(tab.id)}
          >
            {t(tab.label)}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`office-panel-${active.id}`}
        aria-labelledby={`office-tab-${active.id}`}
        className="office-panel"
      >
        {/* A tab that fails to draw leaves the tab list working: another tab, or Volver, goes on. */}
        <ScreenBoundary key={active.id} screen="office" part={active.id}>
          <active.Panel />
        </ScreenBoundary>
      </div>
    </main>
  );
}
