import { useTranslation } from 'react-i18next';
import type { TransactionFilterChoices } from '../../../../../app/domain/office/transactions';
import { useOfficeRead } from '../../../store/office/use-office';

/** A register the pickers offer. */
export type RegisterChoice = TransactionFilterChoices['registers'][number];

/**
 * The registers a report may be limited to: the transactions pickers' choices (every register,
 * revoked ones too: their past sales are still reported). Read once per screen and passed down:
 * two readers of one office slot would supersede each other's answer.
 */
export function useRegisterChoices(): RegisterChoice[] {
  return useOfficeRead('office.transactions.filters', {}).value?.registers ?? NO_REGISTERS;
}
const NO_REGISTERS: RegisterChoice[] = [];

/**
 * Which part of the store a report covers (issue 17): the whole store, or one register by name.
 * Register 0 is the store server's own counter, a real choice.
 */
export function RegisterPicker(props: {
  registers: readonly RegisterChoice[];
  value: number | undefined;
  onChange: (registerId: number | undefined) => void;
}) {
  const { t } = useTranslation();
  const registers = props.registers;
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
