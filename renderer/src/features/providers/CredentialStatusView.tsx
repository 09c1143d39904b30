import type { AuthKind, CredentialStatus } from '../../../../main/contract';
import { credentialView } from './credential';
import { useNow } from './useNow';

const TONE_CHIP = {
  ok: 'chip chip-ok',
  warn: 'chip chip-warn',
  danger: 'chip chip-danger',
  muted: 'chip',
} as const;
const TONE_LABEL = { ok: 'Ready', warn: 'Expiring', danger: 'Needs attention', muted: 'Not set' } as const;

/** What is known about the stored secret — never the secret: hint, scopes, live expiry, subject. */
export function CredentialStatusView({ status, authKind }: { status: CredentialStatus; authKind: AuthKind }) {
  const now = useNow(status.configured ? status.expiresAt : null);
  const view = credentialView(status, authKind, now);
  return (
    <div
      className={`providers-credential-status providers-tone-${view.tone}`}
      aria-live="polite"
      data-testid="credential-status"
    >
      <div className="providers-credential-headline">
        <span className={TONE_CHIP[view.tone]}>{authKind === 'none' ? 'Open' : TONE_LABEL[view.tone]}</span>
        <span>{view.headline}</span>
      </div>
      {status.configured ? (
        <dl className="providers-credential-facts">
          {status.hint ? (
            <>
              <dt>Saved</dt>
              <dd className="mono">{status.hint}</dd>
            </>
          ) : null}
          {view.expiry ? (
            <>
              <dt>Expiry</dt>
              <dd
                className="num"
                title={status.expiresAt ? new Date(status.expiresAt).toLocaleString() : undefined}
              >
                {view.expiry}
              </dd>
            </>
          ) : null}
          {status.subject ? (
            <>
              <dt>Subject</dt>
              <dd className="mono">{status.subject}</dd>
            </>
          ) : null}
          {status.scopes ? (
            <>
              <dt>Scopes</dt>
              <dd>
                {status.scopes.length === 0 ? (
                  <span className="field-hint">none in the token</span>
                ) : (
                  <ul className="providers-scopes" aria-label="Token scopes">
                    {status.scopes.map((scope) => (
                      <li
                        key={scope}
                        className={scope === 'llm-confidential' ? 'chip chip-confidential' : 'chip'}
                      >
                        {scope}
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {view.next ? <p className="field-hint providers-credential-next">{view.next}</p> : null}
    </div>
  );
}
