import { RefreshCw } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import type { Provider } from '../../../../main/contract';
import { useStore } from '../../store';
import { ErrorNote } from '../../ui/ErrorNote';
import { formatAgo } from '../../platform/time';
import { useClock } from '../../platform/clock';
import type { CapabilityKey } from './capabilities';
import { flipFlag, resetFlags } from './capabilities';
import { ModelRow } from './ModelRow';
import { failureLine } from '../../platform/describeError';
import './models.css';

/** The provider's models as the token's scope allows them; hidden ones on request, with why. */
export function ModelsPanel({ provider }: { provider: Provider }) {
  const list = useStore((s) => s.models[provider.id]);
  const loading = useStore((s) => s.modelsLoading[provider.id] ?? false);
  const error = useStore((s) => s.modelsError[provider.id]);
  const loadModels = useStore((s) => s.loadModels);
  const setModelOverride = useStore((s) => s.setModelOverride);
  const toast = useStore((s) => s.toast);
  const [showHidden, setShowHidden] = useState(false);
  const [busyModel, setBusyModel] = useState<string | null>(null);
  const now = useClock();
  const id = useId();
  const canFetch = provider.authKind === 'none' || provider.credential.configured;

  useEffect(() => {
    if (canFetch && !list) void loadModels(provider.id);
  }, [canFetch, list, loadModels, provider.id]);

  const models = list?.models ?? [];
  const allowed = models.filter((m) => m.allowed);
  const hidden = models.filter((m) => !m.allowed);
  const shown = showHidden ? [...allowed, ...hidden] : allowed;

  const override = async (modelId: string, capabilities: Parameters<typeof setModelOverride>[2]) => {
    setBusyModel(modelId);
    const result = await setModelOverride(provider.id, modelId, capabilities);
    setBusyModel(null);
    if (!result.ok) toast('error', `Couldn’t change ${modelId}: ${failureLine(result.error)}`);
  };
  const toggle = (modelId: string, key: CapabilityKey) => {
    const model = models.find((m) => m.id === modelId);
    if (model) void override(modelId, flipFlag(model.capabilities, key));
  };
  const reset = (modelId: string) => {
    const model = models.find((m) => m.id === modelId);
    if (model) void override(modelId, resetFlags(model.capabilities, model.overridden));
  };

  return (
    <section className="providers-section models-panel" aria-labelledby={`${id}-title`}>
      <header className="models-panel-header">
        <h3 id={`${id}-title`} className="section-title">
          Models
        </h3>
        <span className="field-hint num" aria-live="polite">
          {loading ? 'fetching…' : list?.fetchedAt ? `fetched ${formatAgo(list.fetchedAt, now)}` : ''}
        </span>
        <button
          type="button"
          className="btn btn-ghost"
          disabled={loading || !canFetch}
          onClick={() => void loadModels(provider.id, true)}
        >
          <RefreshCw size={14} />
          Refresh
        </button>
      </header>
      {!canFetch ? (
        <p className="field-hint">Save a key or token (or sign in) to list this provider’s models.</p>
      ) : null}
      {error ? <ErrorNote error={error} /> : null}
      {list?.error ? (
        <div className="banner banner-error" role="alert">
          {list.error}
        </div>
      ) : null}
      {list?.scopes ? (
        <p className="field-hint">
          Your token’s scopes decide what you may use:{' '}
          {list.scopes.length > 0
            ? list.scopes.map((s) => (
                <span key={s} className="chip">
                  {s}
                </span>
              ))
            : 'none found'}
          {hidden.length > 0 ? ` — ${allowed.length} of ${models.length} models allowed.` : ''}
        </p>
      ) : null}
      {canFetch && list && models.length === 0 && !list.error ? (
        <p className="field-hint">
          {list.scopes !== null
            ? 'The provider listed no models for your token’s scopes: see the credential above.'
            : 'The provider listed no models. Check the base URL, then refresh.'}
        </p>
      ) : null}
      {shown.length > 0 ? (
        <ul className="models-list" aria-label={`Models of ${provider.name}`}>
          {shown.map((m) => (
            <ModelRow
              key={m.id}
              model={m}
              busy={busyModel === m.id}
              onToggle={(key) => toggle(m.id, key)}
              onReset={() => reset(m.id)}
            />
          ))}
        </ul>
      ) : null}
      {hidden.length > 0 ? (
        <button
          type="button"
          className="btn btn-ghost"
          aria-expanded={showHidden}
          onClick={() => setShowHidden((v) => !v)}
        >
          {showHidden
            ? 'Hide models your token cannot use'
            : `Show ${hidden.length} hidden model${hidden.length === 1 ? '' : 's'} and why`}
        </button>
      ) : null}
    </section>
  );
}
