import type { AuthKind } from '../../../main/contract';
import type { AppError } from '../../../main/contract/errors';
import { describeError } from '../platform/describeError';
import { IconButton } from './IconButton';
import './errorNote.css';

/** An inline error from a call to main, worded by its code, with the next step. */
export function ErrorNote({
  error,
  authKind,
  onDismiss,
}: {
  error: AppError;
  /** The provider's kind, when known: "sign in again" is only said where signing in is possible. */
  authKind?: AuthKind;
  onDismiss?: () => void;
}) {
  const text = describeError(error, authKind);
  return (
    <div className="banner banner-error providers-error" role="alert" data-error-code={error.code}>
      <div>
        <strong>{text.title}</strong>
        {text.next ? <span> {text.next}</span> : null}
      </div>
      {onDismiss ? (
        <IconButton label="Dismiss error" tooltip={false} onPress={onDismiss}>
          ×
        </IconButton>
      ) : null}
    </div>
  );
}
