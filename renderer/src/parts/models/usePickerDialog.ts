import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';

/**
 * Open state of a model picker and where focus goes once it closes: after a pick, to
 * `afterPick` (the message box, where the next keystroke belongs) when given; otherwise, and
 * after Esc, back to the control that opened it. Focus can only move once the modal dialog is
 * gone: while it is open the page behind it is inert.
 */
export function usePickerDialog(trigger: RefObject<HTMLElement | null>, afterPick?: () => void) {
  const [open, setOpen] = useState(false);
  const closing = useRef<'picked' | 'cancelled' | null>(null);
  const afterPickRef = useRef(afterPick);
  useEffect(() => {
    afterPickRef.current = afterPick;
  }, [afterPick]);

  useEffect(() => {
    if (open || closing.current === null) return;
    const how = closing.current;
    closing.current = null;
    const next = afterPickRef.current;
    if (how === 'picked' && next) next();
    else trigger.current?.focus();
  }, [open, trigger]);

  return {
    open,
    show: () => setOpen(true),
    /** Call before the picker's onClose, which follows every pick. */
    notePicked: () => {
      closing.current = 'picked';
    },
    close: () => {
      closing.current ??= 'cancelled';
      setOpen(false);
    },
  };
}
