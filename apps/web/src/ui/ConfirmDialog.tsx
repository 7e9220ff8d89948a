import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** `data-testid`s of the two buttons. */
  testIds: { confirm: string; cancel: string };
}

/** A modal confirmation built on `<dialog>` (focus trap, Escape to cancel); the safe choice has the focus. */
export function ConfirmDialog({ open, title, children, confirmLabel, cancelLabel, onConfirm, onCancel, testIds }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      cancelRef.current?.focus();
    } else if (!open && d.open) {
      d.close();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="confirm-dialog-title"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      onClick={(e) => {
        if (e.target === e.currentTarget) onCancel();
      }}
    >
      <div className="dialog__body">
        <h2 id="confirm-dialog-title">{title}</h2>
        {children}
        <div className="dialog__actions">
          <button ref={cancelRef} type="button" className="button" data-testid={testIds.cancel} onClick={onCancel}>
            {cancelLabel}
          </button>
          <button type="button" className="button button--danger" data-testid={testIds.confirm} onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </dialog>
  );
}
