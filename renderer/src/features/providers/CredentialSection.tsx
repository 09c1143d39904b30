import { useId, useState } from 'react';
import type { Provider } from '../../../../main/contract';
import type { AppError } from '../../../../main/contract/errors';
import { useStore } from '../../store';
import { secretNoun } from './credential';
import { CredentialStatusView } from './CredentialStatusView';
import { ErrorNote } from '../../ui/ErrorNote';
import { KeychainBanner } from './KeychainBanner';
import { SignInLink } from './SignInLink';
import type { PendingSecret } from './NewProviderForm';
import './credential.css';

type Busy = null | 'save' | 'clear' | 'signIn' | 'signOut';

/**
 * Sets, replaces or forgets the provider's secret, or signs in. The field is write-only: what
 * is typed goes to main's keychain and is never read back; a failed save keeps it in the field.
 */
export function CredentialSection({
  provider,
  pending = null,
}: {
  provider: Provider;
  pending?: PendingSecret | null;
}) {
  const setSecret = useStore((s) => s.setSecret);
  const clearSecret = useStore((s) => s.clearSecret);
  const signIn = useStore((s) => s.signIn);
  const signOut = useStore((s) => s.signOut);
  const cancelSignIn = useStore((s) => s.cancelSignIn);
  const toast = useStore((s) => s.toast);
  const signInUrl = useStore((s) => s.signInUrls[provider.id] ?? null);
  const [secret, setSecretText] = useState(pending?.secret ?? '');
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<AppError | null>(pending?.error ?? null);
  const fieldId = useId();
  const status = provider.credential;
  const kind = provider.authKind;
  const noun = secretNoun(kind);
  const keychain = status.keychainAvailable;

  const run = async (
    what: Exclude<Busy, null>,
    call: () => Promise<{ ok: boolean; error?: AppError }>,
    done?: () => void,
  ) => {
    setBusy(what);
    setError(null);
    const result = await call();
    setBusy(null);
    // A sign-in the user cancelled is not an error to explain.
    if (!result.ok && result.error?.code === 'aborted') toast('info', result.error.message);
    else if (!result.ok && result.error) setError(result.error);
    else done?.();
  };

  const save = () =>
    run(
      'save',
      () => setSecret(provider.id, secret),
      () => {
        setSecretText('');
        toast('success', `${noun.charAt(0).toUpperCase()}${noun.slice(1)} saved to the OS keychain.`);
      },
    );

  return (
    <section className="providers-section" aria-labelledby={`${fieldId}-title`}>
      <h3 id={`${fieldId}-title`} className="section-title">
        Credential
      </h3>
      {!keychain ? <KeychainBanner /> : null}
      <CredentialStatusView status={status} authKind={kind} />
      {kind === 'jwt' || kind === 'api-key' ? (
        <form
          className="providers-secret-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (secret.trim() !== '' && busy === null) void save();
          }}
        >
          <div className="field">
            <label htmlFor={fieldId}>{status.configured ? `Replace ${noun}` : `Paste ${noun}`}</label>
            <div className="providers-inline">
              <input
                id={fieldId}
                className="input mono"
                type="password"
                autoComplete="off"
                spellCheck={false}
                placeholder={kind === 'jwt' ? 'eyJhbGciOi…' : 'sk-…'}
                value={secret}
                disabled={!keychain}
                onChange={(e) => setSecretText(e.target.value)}
              />
              <button
                type="submit"
                className="btn btn-primary"
                disabled={!keychain || secret.trim() === '' || busy !== null}
              >
                {busy === 'save' ? 'Saving…' : status.configured ? 'Replace' : 'Save'}
              </button>
            </div>
            <span className="field-hint">Stored in the OS keychain; LLM Desk never shows it again.</span>
          </div>
          {status.configured ? (
            <button
              type="button"
              className="btn btn-ghost btn-danger"
              disabled={busy !== null}
              onClick={() =>
                void run(
                  'clear',
                  () => clearSecret(provider.id),
                  () => toast('info', `Saved ${noun} removed.`),
                )
              }
            >
              {busy === 'clear' ? 'Removing…' : `Forget saved ${noun}`}
            </button>
          ) : null}
        </form>
      ) : null}
      {kind === 'oauth' ? (
        <div className="providers-oauth-actions">
          <button
            type="button"
            className="btn btn-primary"
            disabled={!keychain || busy !== null}
            onClick={() => void run('signIn', () => signIn(provider.id))}
          >
            {busy === 'signIn'
              ? signInUrl === null
                ? 'Waiting for the browser…'
                : 'Waiting for sign-in…'
              : status.configured
                ? 'Sign in again'
                : 'Sign in'}
          </button>
          {busy === 'signIn' ? (
            <button type="button" className="btn" onClick={() => void cancelSignIn(provider.id)}>
              Cancel
            </button>
          ) : null}
          {status.configured && busy !== 'signIn' ? (
            <button
              type="button"
              className="btn"
              disabled={busy !== null}
              onClick={() => void run('signOut', () => signOut(provider.id))}
            >
              {busy === 'signOut' ? 'Signing out…' : 'Sign out'}
            </button>
          ) : null}
          {busy === 'signIn' && signInUrl === null ? (
            <p className="field-hint" role="status">
              Finish signing in in your browser; this page updates by itself.
            </p>
          ) : null}
          {busy === 'signIn' && signInUrl !== null ? <SignInLink url={signInUrl} /> : null}
        </div>
      ) : null}
      {error ? <ErrorNote error={error} authKind={kind} onDismiss={() => setError(null)} /> : null}
    </section>
  );
}
