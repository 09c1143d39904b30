import type { ReactNode } from 'react';
import { Dialog as AriaDialog, Heading } from 'react-aria-components';
import { Modal } from './Modal';

export interface AlertDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** The confirm button is red: the action deletes something. */
  danger?: boolean;
  /** The confirm button does nothing and looks disabled (working, or nothing to do yet). */
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A question that needs an answer (`role=alertdialog`): Cancel has focus first, so Enter never
 * deletes by accident; Esc cancels; the backdrop does not, a stray click should not answer.
 */
export function AlertDialog({
  title,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  danger = false,
  busy = false,
  onConfirm,
  onCancel,
}: AlertDialogProps) {
  return (
    <Modal onClose={onCancel} isDismissable={false} size="sm">
      <AriaDialog role="alertdialog" className="ui-dialog ui-alert">
        <Heading slot="title" className="ui-dialog-title">
          {title}
        </Heading>
        <div className="ui-alert-body">{children}</div>
        <div className="ui-dialog-actions">
          <button type="button" className="btn" onClick={onCancel} autoFocus>
            {cancelLabel}
          </button>
          {/* aria-disabled, not disabled: a disabled button drops focus to the page, where Esc
              no longer reaches the dialog. */}
          <button
            type="button"
            className={danger ? 'btn btn-primary ui-danger' : 'btn btn-primary'}
            aria-disabled={busy || undefined}
            onClick={() => {
              if (!busy) onConfirm();
            }}
          >
            {confirmLabel}
          </button>
        </div>
      </AriaDialog>
    </Modal>
  );
}
