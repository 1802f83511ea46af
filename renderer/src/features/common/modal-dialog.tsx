import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The counter's own modal (issue 14): a native `<dialog>` opened with showModal, so focus stays
 * inside it, Escape closes it and the page behind is inert. Replaces window.confirm, which the
 * browser words in its own language and which a touch screen cannot style. showModal focuses the
 * first control; a field marked `data-autofocus` takes focus after it.
 */
export function ModalDialog(props: {
  labelledBy: string;
  className?: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const { onClose } = props;
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    element?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className={`counter-dialog ${props.className ?? ''}`}
      aria-labelledby={props.labelledBy}
      onCancel={(event) => {
        // Escape: close through React state, not the browser, so the two never disagree.
        event.preventDefault();
        onClose();
      }}
    >
      {props.children}
    </dialog>
  );
}

/** A yes/no question in the app's own words and buttons; focus starts on the safe answer. */
export function ConfirmDialog(props: {
  title: string;
  body?: string;
  confirmLabel: string;
  cancelLabel: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <ModalDialog labelledBy="confirm-dialog-title" onClose={props.onCancel}>
      <h2 id="confirm-dialog-title">{props.title}</h2>
      {props.body ? <p>{props.body}</p> : null}
      <div className="dialog-actions">
        <button type="button" className="secondary big" autoFocus onClick={props.onCancel}>
          {props.cancelLabel}
        </button>
        <button
          type="button"
          className={props.danger ? 'danger big' : 'primary big'}
          onClick={props.onConfirm}
        >
          {props.confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
