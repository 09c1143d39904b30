import { X } from 'lucide-react';
import type { ReactElement, ReactNode } from 'react';
import { Dialog as AriaDialog, DialogTrigger, Heading, Popover } from 'react-aria-components';
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

interface PopoverDialogProps {
  /** The accessible name of the popover. */
  label: string;
  /** The button that opens it: a ui/Button (React Aria's press events wire it to the popover). */
  trigger: ReactElement;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  className?: string;
  children: ReactNode;
}

/**
 * A small non-modal dialog under its button (a popover): Esc or a click outside closes it, focus
 * moves into it on open and back to the button on close, Tab stays inside while it is open.
 */
export function PopoverDialog({
  label,
  trigger,
  isOpen,
  onOpenChange,
  className,
  children,
}: PopoverDialogProps) {
  return (
    <DialogTrigger isOpen={isOpen} onOpenChange={onOpenChange}>
      {trigger}
      <Popover placement="bottom end" offset={4} className="ui-popover ui-popover-dialog">
        <AriaDialog aria-label={label} className={`ui-popover-body${className ? ` ${className}` : ''}`}>
          {children}
        </AriaDialog>
      </Popover>
    </DialogTrigger>
  );
}
