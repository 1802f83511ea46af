import { useTranslation } from 'react-i18next';
import { formatMXN } from '../../../format/money';

/** A drawer difference in words: over, short or even (colour is never the only signal). */
export function OverShort({ difference }: { difference: number }) {
  const { t } = useTranslation();
  if (difference === 0) return <span className="even">{t('officeShifts.close.even')}</span>;
  return difference > 0 ? (
    <span className="over">{t('officeShifts.close.over', { amount: formatMXN(difference) })}</span>
  ) : (
    <span className="short">{t('officeShifts.close.short', { amount: formatMXN(-difference) })}</span>
  );
}
