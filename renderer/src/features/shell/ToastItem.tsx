import { X } from 'lucide-react';
import { useEffect } from 'react';
import type { Toast } from '../../store/ui/slice';

const LIFETIME_MS: Record<Toast['kind'], number> = { info: 6000, success: 4000, error: 10000 };
/** Long enough to reach for Undo. */
const WITH_ACTION_MS = 9000;

interface Props {
  toast: Toast;
  onDismiss: (id: number) => void;
}

export function ToastItem({ toast, onDismiss }: Props) {
  useEffect(() => {
    const timer = window.setTimeout(
      () => onDismiss(toast.id),
      toast.action ? WITH_ACTION_MS : LIFETIME_MS[toast.kind],
    );
    return () => window.clearTimeout(timer);
  }, [toast, onDismiss]);

  return (
    <div className={`toast toast-${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'}>
      <span className="toast-message">{toast.message}</span>
      {toast.action ? (
        <button
          type="button"
          className="btn btn-ghost toast-action"
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
        className="btn btn-ghost btn-icon toast-close"
        aria-label="Dismiss"
        onClick={() => onDismiss(toast.id)}
      >
        <X />
      </button>
    </div>
  );
}
