import { useEffect, useRef } from 'react';
import type { AuthKind, Preset } from '../../../../main/contract';
import { Select } from '../../ui';
import { AUTH_KIND_LABELS } from './credential';
import type { ProviderDraft } from './draft';
import { FormField } from './FormField';
import { HeadersEditor } from './HeadersEditor';
import { OAuthFields } from './OAuthFields';
import { LimitsFields } from './LimitsFields';
import { TimeoutsFields } from './TimeoutsFields';
import type { FieldErrors } from './validation';
import { checkUrl } from './validation';

interface Props {
  idPrefix: string;
  draft: ProviderDraft;
  errors: FieldErrors;
  preset: Preset | undefined;
  onChange: (draft: ProviderDraft) => void;
  /** Main's caution about the saved base URL, shown while the field still holds that URL. */
  savedUrl?: { url: string; warning: string | null };
  /** Which field takes focus when the form appears (the one the user must fill first). */
  autoFocus?: 'name' | 'baseUrl' | null;
}

const ALL_KINDS: AuthKind[] = ['jwt', 'api-key', 'oauth', 'none'];

/** Name, base URL, auth kind, then the rarely touched settings folded under "Advanced". */
export function ProviderForm({
  idPrefix,
  draft,
  errors,
  preset,
  onChange,
  savedUrl,
  autoFocus = null,
}: Props) {
  const kinds = preset && preset.id !== 'openai-compatible' ? preset.authKinds : ALL_KINDS;
  const kindOptions = kinds.includes(draft.authKind) ? kinds : [...kinds, draft.authKind];
  const savedWarning = savedUrl && savedUrl.url === draft.baseUrl.trim() ? savedUrl.warning : null;
  const urlWarning = errors.baseUrl ? null : (savedWarning ?? checkUrl(draft.baseUrl).warning);
  const advancedErrors = Object.keys(errors).some((k) => k.startsWith('headers') || k.startsWith('timeouts'));
  const advancedRef = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    // Unfold, never fold: a problem inside must be visible, but the user decides when it closes.
    if (advancedErrors && advancedRef.current) advancedRef.current.open = true;
  }, [advancedErrors]);
  return (
    <div className="providers-form">
      <div className="providers-grid-2">
        <FormField id={`${idPrefix}-name`} label="Name" error={errors.name}>
          <input
            id={`${idPrefix}-name`}
            className="input"
            value={draft.name}
            autoFocus={autoFocus === 'name'}
            aria-invalid={errors.name ? true : undefined}
            onChange={(e) => onChange({ ...draft, name: e.target.value })}
          />
        </FormField>
        <Select<AuthKind>
          label="Authentication"
          options={kindOptions.map((k) => ({ id: k, label: AUTH_KIND_LABELS[k] }))}
          value={draft.authKind}
          onChange={(authKind) => onChange({ ...draft, authKind })}
        />
      </div>
      <FormField
        id={`${idPrefix}-baseUrl`}
        label="Base URL"
        error={errors.baseUrl}
        warning={urlWarning}
        hint="The part before /chat/completions, e.g. https://api.example.com/v1"
      >
        <input
          id={`${idPrefix}-baseUrl`}
          className="input mono"
          type="url"
          spellCheck={false}
          placeholder="https://api.example.com/v1"
          value={draft.baseUrl}
          autoFocus={autoFocus === 'baseUrl'}
          aria-invalid={errors.baseUrl ? true : undefined}
          onChange={(e) => onChange({ ...draft, baseUrl: e.target.value })}
        />
      </FormField>
      {draft.authKind === 'oauth' ? (
        <OAuthFields
          idPrefix={idPrefix}
          value={draft.oauth}
          errors={errors}
          onChange={(oauth) => onChange({ ...draft, oauth })}
        />
      ) : null}
      <details ref={advancedRef} className="providers-advanced">
        <summary>Advanced: headers and timeouts</summary>
        <HeadersEditor
          rows={draft.headers}
          errors={errors}
          onChange={(headers) => onChange({ ...draft, headers })}
        />
        <TimeoutsFields
          idPrefix={idPrefix}
          value={draft.timeouts}
          errors={errors}
          onChange={(timeouts) => onChange({ ...draft, timeouts })}
        />
        <LimitsFields
          idPrefix={idPrefix}
          value={draft.limits}
          errors={errors}
          onChange={(limits) => onChange({ ...draft, limits })}
        />
      </details>
    </div>
  );
}
