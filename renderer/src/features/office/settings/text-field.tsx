import type { HTMLAttributes } from 'react';

/** A labelled text input with an optional hint under it (announced with the field). */
export function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  hint?: { id: string; text: string };
  invalid?: boolean;
  type?: 'text' | 'url';
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
}) {
  return (
    <>
      <label className="field">
        {props.label}
        <input
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          value={props.value}
          maxLength={props.maxLength}
          aria-describedby={props.hint?.id}
          aria-invalid={props.invalid || undefined}
          onChange={(e) => props.onChange(e.target.value)}
        />
      </label>
      {props.hint ? (
        <p className="hint" id={props.hint.id}>
          {props.hint.text}
        </p>
      ) : null}
    </>
  );
}
