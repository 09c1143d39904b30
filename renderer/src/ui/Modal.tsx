import type { ReactNode } from 'react';
import { Modal as AriaModal, ModalOverlay } from 'react-aria-components';
import './Dialog.css';

export interface ModalProps {
  /** Called when Esc is pressed or, if dismissable, the backdrop is clicked. */
  onClose: () => void;
  /** Open while mounted unless told otherwise, so a parent can show it with a plain condition. */
  isOpen?: boolean;
  /** A click on the backdrop closes it (Esc always does). Off for questions that need an answer. */
  isDismissable?: boolean;
  /** `top` sits a palette under the window's top edge; `center` is for forms and questions. */
  placement?: 'top' | 'center';
  /** sm: a question; md: a form or a list; lg: side-by-side content. */
  size?: 'sm' | 'md' | 'lg';
  className?: string;
  children: ReactNode;
}

/**
 * The app's one modal surface, on React Aria's ModalOverlay: focus is contained, the page behind
 * is hidden from assistive technology and its scroll locked, Esc and the backdrop close it, and
 * focus goes back to the element that had it before. Esc stops here, so closing a dialog never
 * also reaches the global shortcuts (which would stop a stream).
 */
export function Modal({
  onClose,
  isOpen = true,
  isDismissable = true,
  placement = 'center',
  size = 'md',
  className,
  children,
}: ModalProps) {
  return (
    <ModalOverlay
      className={`ui-overlay ui-overlay-${placement}`}
      isOpen={isOpen}
      isDismissable={isDismissable}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <AriaModal className={`ui-modal ui-modal-${size}${className ? ` ${className}` : ''}`}>
        {children}
      </AriaModal>
    </ModalOverlay>
  );
}
