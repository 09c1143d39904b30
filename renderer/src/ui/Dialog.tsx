import { X } from 'lucide-react';
import type { ReactNode } from 'react';
import { Dialog as AriaDialog, Heading } from 'react-aria-components';
import type { ModalProps } from './Modal';
import { Modal } from './Modal';

export interface DialogProps extends Omit<ModalProps, 'children' | 'className'> {
  /** The dialog's name, shown as its heading unless `hideTitle` (then it is only its accessible name). */
  title: string;
  hideTitle?: boolean;
  /** A × button in the header; the heading row is shown when there is a title or a close button. */
  closeButton?: boolean;
  /** Shown beside the title, before the close button (a hint, a key). */
  headerExtra?: ReactNode;
  /** Class of the dialog box (the modal), for a feature's own layout inside. */
  className?: string;
  /** Class of the dialog element inside the box. */
  bodyClassName?: string;
  testId?: string;
  children: ReactNode;
}

/**
 * A modal dialog: a `role=dialog` named by its heading, on the app's Modal. Focus starts on the
 * first child with `autoFocus`, or on the dialog itself.
 */
export function Dialog({
  title,
  hideTitle = false,
  closeButton = false,
  headerExtra,
  className,
  bodyClassName,
  testId,
  children,
  ...modal
}: DialogProps) {
  const showHead = !hideTitle || closeButton;
  return (
    <Modal {...modal} className={className}>
      <AriaDialog
        className={`ui-dialog${bodyClassName ? ` ${bodyClassName}` : ''}`}
        aria-label={hideTitle ? title : undefined}
        data-testid={testId}
      >
        {showHead ? (
          <div className="ui-dialog-head">
            {hideTitle ? null : (
              <Heading slot="title" className="ui-dialog-title">
                {title}
              </Heading>
            )}
            {headerExtra}
            {closeButton ? (
              <button
                type="button"
                className="btn btn-ghost btn-icon ui-dialog-close"
                aria-label="Close"
                onClick={modal.onClose}
              >
                <X />
              </button>
            ) : null}
          </div>
        ) : null}
        {children}
      </AriaDialog>
    </Modal>
  );
}
