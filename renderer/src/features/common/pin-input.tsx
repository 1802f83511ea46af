/** A PIN input: digits only, never echoed (type password), never kept after use. */
export function PinInput(props: {
  label: string;
  value: string;
  onChange: (pin: string) => void;
  autoFocus?: boolean;
  /** Side by side with its label (approval prompts inside a panel) instead of stacked. */
  inline?: boolean;
}) {
  return (
    <label className={props.inline ? 'field inline' : 'field'}>
      {props.label}
      <input
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={8}
        autoFocus={props.autoFocus}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value.replace(/\D/g, ''))}
      />
    </label>
  );
}
