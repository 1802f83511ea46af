/**
 * A compact button in a table row: a short visible word, and an accessible name that says which row
 * it acts on (a screen reader hears "Probar CAJA01", not five "Probar" buttons).
 */
export function RowAction(props: {
  label: string;
  text: string;
  onClick: () => void;
  disabled?: boolean;
  danger?: boolean;
}) {
  return (
    <button
      type="button"
      className={props.danger ? 'danger' : undefined}
      aria-label={props.label}
      disabled={props.disabled}
      onClick={props.onClick}
    >
      {props.text}
    </button>
  );
}
