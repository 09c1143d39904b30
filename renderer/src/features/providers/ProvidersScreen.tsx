import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Preset } from '../../../../main/contract';
import { useStore } from '../../store';
import { ErrorNote } from '../../ui/ErrorNote';
import type { PendingSecret } from './NewProviderForm';
import { NewProviderForm } from './NewProviderForm';
import { PresetChooser } from './PresetChooser';
import { ProviderEditor } from './ProviderEditor';
import { ProviderList } from './ProviderList';
import { failureLine } from '../../platform/describeError';
import './providers.css';

type Mode = { kind: 'view' } | { kind: 'choose' } | { kind: 'add'; preset: Preset };

/** Settings → Providers: the profile list on the left, the chosen profile (or a new one) on the right. */
export function ProvidersScreen() {
  const providers = useStore(useShallow((s) => s.providers));
  const presets = useStore(useShallow((s) => s.presets));
  const loaded = useStore((s) => s.providersLoaded);
  const loadError = useStore((s) => s.providersError);
  const ensureProvidersSync = useStore((s) => s.ensureProvidersSync);
  const loadPresets = useStore((s) => s.loadPresets);
  const loadProviders = useStore((s) => s.loadProviders);
  const reorderProviders = useStore((s) => s.reorderProviders);
  const toast = useStore((s) => s.toast);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [pending, setPending] = useState<Record<string, PendingSecret>>({});

  useEffect(() => {
    ensureProvidersSync();
    void loadPresets();
  }, [ensureProvidersSync, loadPresets]);

  const selected =
    providers.find((p) => p.id === selectedId) ?? (mode.kind === 'view' ? providers[0] : undefined);
  const showChooser = mode.kind === 'choose' || (mode.kind === 'view' && loaded && providers.length === 0);

  return (
    <section className="providers-screen" aria-label="Providers">
      <aside className="providers-sidebar">
        <header className="providers-sidebar-header">
          <h1 className="providers-heading">Providers</h1>
          <button type="button" className="btn btn-primary" onClick={() => setMode({ kind: 'choose' })}>
            + Add provider
          </button>
        </header>
        {providers.length > 0 ? (
          <ProviderList
            providers={providers}
            selectedId={mode.kind === 'view' ? (selected?.id ?? null) : null}
            onSelect={(id) => {
              setPending({});
              setSelectedId(id);
              setMode({ kind: 'view' });
            }}
            onReorder={(ids) =>
              void reorderProviders(ids).then((r) => {
                if (!r.ok) toast('error', `Couldn’t reorder: ${failureLine(r.error)}`);
              })
            }
          />
        ) : loaded ? (
          <p className="field-hint providers-sidebar-empty">No providers yet.</p>
        ) : null}
        {providers.length > 1 ? (
          <p className="field-hint providers-sidebar-tip">
            Drag to reorder, or <span className="kbd">Alt</span>+<span className="kbd">↑</span>/
            <span className="kbd">↓</span>.
          </p>
        ) : null}
      </aside>
      <div className="providers-main scroll">
        {loadError ? <ErrorNote error={loadError} onDismiss={() => void loadProviders()} /> : null}
        {mode.kind === 'add' ? (
          <NewProviderForm
            key={mode.preset.id}
            preset={mode.preset}
            onCancel={() => setMode(providers.length === 0 ? { kind: 'choose' } : { kind: 'view' })}
            onCreated={(id, secret) => {
              if (secret) setPending((p) => ({ ...p, [id]: secret }));
              setSelectedId(id);
              setMode({ kind: 'view' });
            }}
          />
        ) : showChooser ? (
          <div className="providers-choose">
            <h2 className="providers-title">
              {providers.length === 0 ? 'Add your first provider' : 'Add a provider'}
            </h2>
            <p className="field-hint">
              Pick the service you use. You’ll need its base URL and an API key or access token, or you can
              sign in.
            </p>
            <PresetChooser
              presets={presets}
              autoFocus
              onPick={(preset) => setMode({ kind: 'add', preset })}
            />
            {providers.length > 0 ? (
              <button type="button" className="btn btn-ghost" onClick={() => setMode({ kind: 'view' })}>
                Cancel
              </button>
            ) : null}
          </div>
        ) : selected ? (
          <ProviderEditor
            key={selected.id}
            provider={selected}
            preset={presets.find((p) => p.id === selected.preset)}
            pending={pending[selected.id] ?? null}
            onDuplicated={(id) => setSelectedId(id)}
            onDeleted={() => setSelectedId(null)}
          />
        ) : null}
      </div>
    </section>
  );
}
