// The one confirmation box for a step that cannot be undone (delete, send, approve, reopen): a modal
// dialog (designsystemet's, on the native <dialog>), so focus is inside it, the page behind cannot be
// reached, Esc closes it, and on closing focus returns to the button that opened it. It starts on
// «Avbryt», the safe choice; the confirming button names the step. The caller renders it while the
// step is being confirmed, and after a confirmed step moves focus to where the result shows.
import { Button, Dialog, Heading } from '@digdir/designsystemet-react';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useT } from '../../i18n';

export function ConfirmDialog({ title, children, confirmLabel, confirmName, onConfirm, onCancel, pending = false, danger = true, error }: {
  title: string;
  /** What will happen, said plainly (and what it affects: recipients, the decision quoted, ...). */
  children?: ReactNode;
  confirmLabel: string;
  /** A fuller accessible name for the confirming button, starting with its visible label. */
  confirmName?: string;
  onConfirm: () => void;
  /** Closed without the step: Avbryt, Esc. Focus goes back to the opener. */
  onCancel: () => void;
  pending?: boolean;
  /** false for a step that is irreversible but not destructive (send, approve): primary colour. */
  danger?: boolean;
  /** Shown inside the dialog when the step failed (the caller's error summary). */
  error?: ReactNode;
}) {
  const t = useT();
  const headingId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  if (opener.current === null && typeof document !== 'undefined') opener.current = document.activeElement as HTMLElement | null;
  useEffect(() => {
    cancelRef.current?.focus();
    const from = opener.current;
    // Unmounted on cancel: back to the opener if it is still there (after a confirmed step the caller
    // has moved focus on already, and the opener may be gone).
    return () => {
      if (from && from.isConnected && (document.activeElement === document.body || document.activeElement === null)) from.focus();
    };
  }, []);
  return (
    <Dialog open closeButton={false} aria-labelledby={headingId} role="alertdialog" onClose={onCancel} data-testid="confirm-dialog">
      <Dialog.Block>
        <Heading level={2} data-size="xs" id={headingId}>{title}</Heading>
      </Dialog.Block>
      <Dialog.Block>
        <div className="stack">
          {children}
          {error}
          <div className="actions">
            {/* aria-disabled, not disabled, while the step runs: a disabled button would drop focus to <body>. */}
            <Button type="button" data-color={danger ? 'danger' : undefined} aria-disabled={pending || undefined}
              aria-label={confirmName} onClick={() => { if (!pending) onConfirm(); }}>{confirmLabel}</Button>
            <Button type="button" variant="secondary" ref={cancelRef} onClick={onCancel}>{t('common.cancel')}</Button>
          </div>
        </div>
      </Dialog.Block>
    </Dialog>
  );
}
