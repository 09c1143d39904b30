import { X } from 'lucide-react';
import { forwardRef, useEffect, useState } from 'react';
import type { CSSProperties } from 'react';
import './Toast.css';

export interface ToastData {
  id: number;
  kind: 'info' | 'success' | 'error';
  message: string;
  action?: { label: string; run: () => void };
}

const LIFETIME_MS: Record<ToastData['kind'], number> = { info: 6000, success: 4000, error: 10000 };
/** Long enough to reach for Undo. */
const WITH_ACTION_MS = 9000;

interface ToastRegionProps {
  toasts: readonly ToastData[];
  onDismiss: (id: number) => void;
  className?: string;
  style?: CSSProperties;
}

/*
 * Not React Aria's toast: in 1.22 it is still UNSTABLE_, it makes every toast an alertdialog whose
 * text is an assertive alert (a "Saved" would interrupt a screen reader like an error does), and
 * its ToastQueue would hold toasts outside the store that already owns them (ids, Undo actions).
 * So this is a labelled region of live toasts: errors are `alert`, the rest `status` (polite).
 */

/**
 * The app's notifications, newest last. Each closes itself after a while, except while the
 * pointer is over the stack or focus is inside it, so Undo can be reached without a race.
 */
export const ToastRegion = forwardRef<HTMLDivElement, ToastRegionProps>(function ToastRegion(
  { toasts, onDismiss, className, style },
  ref,
) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  if (toasts.length === 0) return null;
  return (
    <div
      ref={ref}
      role="region"
      aria-label="Notifications"
      className={`ui-toasts${className ? ` ${className}` : ''}`}
      style={style}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false);
      }}
    >
      {toasts.map((toast) => (
        <Toast key={toast.id} toast={toast} paused={hovered || focused} onDismiss={onDismiss} />
      ))}
    </div>
  );
});

interface ToastProps {
  toast: ToastData;
  paused: boolean;
  onDismiss: (id: number) => void;
}

export function Toast({ toast, paused, onDismiss }: ToastProps) {
  useEffect(() => {
    if (paused) return;
    // Resuming starts the full lifetime again: a toast someone just looked at stays readable.
    const timer = window.setTimeout(
      () => onDismiss(toast.id),
      toast.action ? WITH_ACTION_MS : LIFETIME_MS[toast.kind],
    );
    return () => window.clearTimeout(timer);
  }, [toast, paused, onDismiss]);

  return (
    <div className={`ui-toast ui-toast-${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'}>
      <span className="ui-toast-message">{toast.message}</span>
      {toast.action ? (
        <button
          type="button"
          className="btn btn-ghost ui-toast-action"
          onClick={() => {
            toast.action?.run();
            onDismiss(toast.id);
          }}
        >
          {toast.action.label}
        </button>
      ) : null}
      <button
        type="button"
        className="btn btn-ghost btn-icon ui-toast-close"
        aria-label="Dismiss"
        onClick={() => onDismiss(toast.id)}
      >
        <X />
      </button>
    </div>
  );
}
