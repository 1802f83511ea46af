import { useTranslation } from 'react-i18next';
import { useOfficeRead } from '../../../store/office/use-office';

/**
 * Which part of the store a report covers (issue 17): the whole store, or one register by name.
 * The registers come from the transactions pickers' choices (every register, revoked ones too:
 * their past sales are still reported). Register 0 is the store server's own counter, a real choice.
 */
export function RegisterPicker(props: {
  value: number | undefined;
  onChange: (registerId: number | undefined) => void;
}) {
  const { t } = useTranslation();
  const registers = useOfficeRead('office.transactions.filters', {}).value?.registers ?? [];
  return (
    <label className="field inline">
      {t('officeShifts.registers.label')}
      <select
        value={props.value === undefined ? '' : String(props.value)}
        onChange={(event) =>
          props.onChange(event.target.value === '' ? undefined : Number(event.target.value))
        }
      >
        <option value="">{t('officeShifts.registers.wholeStore')}</option>
        {registers.map((r) => (
          <option key={r.id} value={String(r.id)}>
            {r.revoked ? t('officeShifts.registers.revoked', { name: r.name }) : r.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A report's arguments with the picked register, if one. */
export function withRegister<A extends object>(args: A, registerId: number | undefined): A {
  return registerId === undefined ? args : { ...args, registerId };
}
