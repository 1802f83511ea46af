import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal <dialog> opened on mount (focus stays inside it), Esc closing through `onClose`. showModal
 * focuses the first control, so the field marked `data-autofocus` is focused after it.
 */
export function ModalDialog(props: {
  labelledBy: string;
  className: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    element?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className={`counter-dialog ${props.className}`}
      aria-labelledby={props.labelledBy}
      onCancel={(event) => {
        event.preventDefault();
        props.onClose();
      }}
    >
      {props.children}
    </dialog>
  );
}
