import { useEffect, useRef, type ReactNode } from 'react';

interface ConfirmDialogProps {
  readonly title: string;
  readonly children: ReactNode;
  /** The buttons, most careful first; each closes the dialog by calling `onClose` itself or its action. */
  readonly actions: readonly {
    readonly label: string;
    readonly onClick: () => void;
    readonly primary?: boolean;
  }[];
  readonly onClose: () => void;
}

/**
 * A modal question (the native <dialog>: it keeps the focus inside, Escape closes it, and the
 * focus goes back where it was). Shown while mounted.
 */
export function ConfirmDialog({ title, children, actions, onClose }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="dialog-title" onClose={onClose}>
      <h2 className="panel__title" id="dialog-title">
        {title}
      </h2>
      <div className="dialog__body">{children}</div>
      <div className="button-row dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        {actions.map((action) => (
          <button
            key={action.label}
            type="button"
            className={action.primary ? 'button button--primary' : 'button'}
            onClick={action.onClick}
          >
            {action.label}
          </button>
        ))}
      </div>
    </dialog>
  );
}
