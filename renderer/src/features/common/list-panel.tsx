import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The frame of the panels that replace the product side (sales on hold, past receipts): a titled
 * section with a "back to the sale" button, which Esc also presses.
 */
export function ListPanel(props: { id: string; title: string; onBack: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  const { onBack } = props;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onBack();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onBack]);
  return (
    <section className="checkout-panel" aria-labelledby={props.id}>
      <header className="checkout-header">
        <h2 id={props.id}>{props.title}</h2>
        <button type="button" className="secondary" onClick={onBack}>
          {t('parked.back')}
        </button>
      </header>
      {props.children}
    </section>
  );
}
