import { useId, useState } from 'react';
import type { Preset } from '../../../../main/contract';
import type { AppError } from '../../../../main/contract/errors';
import { useStore } from '../../store';
import { secretNoun } from './credential';
import { draftFromPreset, draftToInput } from './draft';
import { ErrorNote } from '../../ui/ErrorNote';
import { KeychainBanner } from './KeychainBanner';
import { ProviderForm } from './ProviderForm';
import type { FieldErrors } from './validation';
import { fieldPathFromServer, validateDraft, visibleErrors } from './validation';

/** What the editor of the just-created provider picks up if storing the secret failed. */
export interface PendingSecret {
  secret: string;
  error: AppError;
}

interface Props {
  preset: Preset;
  onCreated: (id: string, pending: PendingSecret | null) => void;
  onCancel: () => void;
}

/**
 * The fast path: a preset fills name, URL and auth kind, focus lands on the one field still
 * needed (usually the key), and Enter adds the provider, stores the secret and fetches models.
 */
export function NewProviderForm({ preset, onCreated, onCancel }: Props) {
  const createProvider = useStore((s) => s.createProvider);
  const setSecret = useStore((s) => s.setSecret);
  const keychainDown = useStore((s) => s.providers.some((p) => !p.credential.keychainAvailable));
  const [draft, setDraft] = useState(() => draftFromPreset(preset));
  const [secret, setSecretText] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const needsSecret = draft.authKind === 'jwt' || draft.authKind === 'api-key';
  const placeholderHost = draft.baseUrl === '' || draft.baseUrl.includes('.example');
  const errors = { ...visibleErrors(validateDraft(draft), draft, submitted), ...serverErrors };

  const submit = async () => {
    setSubmitted(true);
    if (Object.keys(validateDraft(draft)).length > 0) return;
    setBusy(true);
    setError(null);
    setServerErrors({});
    const created = await createProvider(draftToInput(draft));
    if (!created.ok) {
      setBusy(false);
      const field = created.error.detail?.field;
      if (created.error.code === 'invalid_request' && field) {
        setServerErrors({ [fieldPathFromServer(field, draft)]: created.error.message });
      } else setError(created.error);
      return;
    }
    let pending: PendingSecret | null = null;
    if (needsSecret && secret.trim() !== '') {
      const stored = await setSecret(created.value.id, secret);
      if (!stored.ok) pending = { secret, error: stored.error };
    }
    setBusy(false);
    onCreated(created.value.id, pending);
  };

  return (
    <form
      className="providers-detail"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <header className="providers-detail-header">
        <div>
          <h2 id={`${id}-title`} className="providers-title">
            New provider: {preset.name}
          </h2>
          <p className="field-hint">{preset.description}</p>
        </div>
      </header>
      <ProviderForm
        idPrefix={id}
        draft={draft}
        errors={errors}
        preset={preset}
        onChange={(next) => {
          setDraft(next);
          setServerErrors({});
        }}
        autoFocus={placeholderHost ? 'baseUrl' : null}
      />
      {needsSecret && keychainDown ? <KeychainBanner /> : null}
      {needsSecret && !keychainDown ? (
        <div className="field">
          <label htmlFor={`${id}-secret`}>{draft.authKind === 'jwt' ? 'Access token' : 'API key'}</label>
          <input
            id={`${id}-secret`}
            className="input mono"
            type="password"
            autoComplete="off"
            spellCheck={false}
            autoFocus={!placeholderHost}
            placeholder={draft.authKind === 'jwt' ? 'eyJhbGciOi…' : 'sk-…'}
            value={secret}
            onChange={(e) => setSecretText(e.target.value)}
          />
          <span className="field-hint">
            Goes straight to the OS keychain. You can also add the {secretNoun(draft.authKind)} later.
          </span>
        </div>
      ) : draft.authKind === 'oauth' ? (
        <p className="field-hint">After adding, press “Sign in” to authorise LLM Desk in your browser.</p>
      ) : null}
      {error ? <ErrorNote error={error} onDismiss={() => setError(null)} /> : null}
      <div className="providers-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add provider'}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <span className="field-hint">
          <span className="kbd">Enter</span> adds · <span className="kbd">Esc</span> cancels
        </span>
      </div>
    </form>
  );
}
