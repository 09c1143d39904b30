import { TriangleAlert } from 'lucide-react';
import type { ReactNode } from 'react';

interface Props {
  id: string;
  label: string;
  error?: string | undefined;
  warning?: string | null | undefined;
  hint?: ReactNode;
  children: ReactNode;
}

/** Label, control and the one message that matters most (error, then warning, then hint). */
export function FormField({ id, label, error, warning, hint, children }: Props) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? (
        <span id={`${id}-msg`} className="field-error" role="alert">
          {error}
        </span>
      ) : warning ? (
        <span id={`${id}-msg`} className="field-hint providers-warning">
          <TriangleAlert size={12} className="providers-warning-icon" />
          {warning}
        </span>
      ) : hint ? (
        <span id={`${id}-msg`} className="field-hint">
          {hint}
        </span>
      ) : null}
    </div>
  );
}
