import { Suspense, useId, useState } from 'react';
import { AttestationPanel } from '../../parts/attestation';
import type { Preset, Provider } from '../../../../main/contract';
import type { AppError } from '../../../../main/contract/errors';
import { useStore } from '../../store';
import { ModelsPanel } from '../../parts/models';
import { AlertDialog } from '../../ui';
import { CredentialSection } from './CredentialSection';
import { draftFromProvider, draftToInput, isDirty, rebaseDraft } from './draft';
import { ErrorNote } from '../../ui/ErrorNote';
import type { PendingSecret } from './NewProviderForm';
import { ProviderForm } from './ProviderForm';
import type { FieldErrors } from './validation';
import { fieldPathFromServer, validateDraft } from './validation';

interface Props {
  provider: Provider;
  preset: Preset | undefined;
  pending: PendingSecret | null;
  onDuplicated: (id: string) => void;
  onDeleted: () => void;
}

/** One provider: its settings (saved explicitly), its credential (saved at once) and its models. */
export function ProviderEditor({ provider, preset, pending, onDuplicated, onDeleted }: Props) {
  const updateProvider = useStore((s) => s.updateProvider);
  const duplicateProvider = useStore((s) => s.duplicateProvider);
  const deleteProvider = useStore((s) => s.deleteProvider);
  const toast = useStore((s) => s.toast);
  const [draft, setDraft] = useState(() => draftFromProvider(provider));
  // The profile the draft was made from; when main changes it, an untouched draft follows.
  const [base, setBase] = useState(provider);
  if (base !== provider) {
    setBase(provider);
    setDraft(rebaseDraft(draft, base, provider));
  }
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const id = useId();
  const errors = { ...validateDraft(draft), ...serverErrors };
  const dirty = isDirty(draft, provider);

  const save = async () => {
    if (Object.keys(validateDraft(draft)).length > 0 || busy) return;
    setBusy(true);
    setError(null);
    const result = await updateProvider(provider.id, draftToInput(draft));
    setBusy(false);
    if (result.ok) {
      setDraft(draftFromProvider(result.value));
      toast('success', `Saved ${result.value.name}.`);
    } else if (result.error.code === 'invalid_request' && result.error.detail?.field) {
      setServerErrors({ [fieldPathFromServer(result.error.detail.field, draft)]: result.error.message });
    } else setError(result.error);
  };

  const duplicate = async () => {
    const result = await duplicateProvider(provider.id);
    if (result.ok) {
      const copy = result.value;
      const needsSecret = copy.authKind !== 'none' && !copy.credential.configured;
      toast(
        'success',
        `Duplicated as ${copy.name}.${needsSecret ? ' Add a key or sign in for the copy.' : ''}`,
      );
      onDuplicated(result.value.id);
    } else setError(result.error);
  };

  const remove = async () => {
    setBusy(true);
    const result = await deleteProvider(provider.id);
    setBusy(false);
    setConfirmDelete(false);
    if (result.ok) {
      toast('info', `Deleted ${provider.name} and its keychain entry.`);
      onDeleted();
    } else setError(result.error);
  };

  return (
    <div className="providers-detail" aria-labelledby={`${id}-title`} role="region">
      <header className="providers-detail-header">
        <div>
          <h2 id={`${id}-title`} className="providers-title">
            {provider.name}
          </h2>
          <p className="field-hint mono">{provider.baseUrl}</p>
        </div>
        <div className="providers-inline">
          <button type="button" className="btn" onClick={() => void duplicate()}>
            Duplicate
          </button>
          <button type="button" className="btn btn-danger" onClick={() => setConfirmDelete(true)}>
            Delete…
          </button>
        </div>
      </header>
      <CredentialSection provider={provider} pending={pending} />
      <form
        className="providers-section"
        aria-label="Connection settings"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key === 's') {
            e.preventDefault();
            void save();
          }
        }}
      >
        <h3 className="section-title">Connection</h3>
        <ProviderForm
          idPrefix={id}
          draft={draft}
          errors={errors}
          preset={preset}
          savedUrl={{ url: provider.baseUrl, warning: provider.baseUrlWarning }}
          onChange={(next) => {
            setDraft(next);
            setServerErrors({});
          }}
        />
        {error ? <ErrorNote error={error} onDismiss={() => setError(null)} /> : null}
        <div className="providers-actions">
          <button type="submit" className="btn btn-primary" disabled={!dirty || busy}>
            {busy ? 'Saving…' : 'Save changes'}
          </button>
          <button
            type="button"
            className="btn"
            disabled={!dirty || busy}
            onClick={() => setDraft(draftFromProvider(provider))}
          >
            Revert
          </button>
          {dirty ? (
            <span className="field-hint">
              Unsaved changes · <span className="kbd">Ctrl</span>+<span className="kbd">S</span>
            </span>
          ) : null}
        </div>
      </form>
      <ModelsPanel provider={provider} />
      <Suspense fallback={null}>
        <AttestationPanel provider={provider} />
      </Suspense>
      {confirmDelete ? (
        <AlertDialog
          title={`Delete ${provider.name}?`}
          confirmLabel="Delete provider"
          danger
          busy={busy}
          onConfirm={() => void remove()}
          onCancel={() => setConfirmDelete(false)}
        >
          <p>
            Its saved key or token is deleted from the OS keychain too, along with its model overrides.
            Threads that used it keep their messages and usage history; pick another provider to continue
            them.
          </p>
        </AlertDialog>
      ) : null}
    </div>
  );
}
