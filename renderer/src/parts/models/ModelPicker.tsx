import type { Key } from '../../ui';
import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store';
import { describeError } from '../../platform/describeError';
import { ComboInput, ComboList, ComboSection, Dialog, SearchCombo } from '../../ui';
import { ModelPickerOption } from './ModelPickerOption';
import type { ModelRef } from '../../store/providers/pickerModel';
import { buildPickerGroups, flatEntries, recentFromThreads } from '../../store/providers/pickerModel';
import './models.css';

interface Props {
  providerId: string | null;
  model: string | null;
  onPick: (providerId: string, model: string) => void;
  onClose: () => void;
}

/**
 * Keyboard-first model choice: type to filter, ↑/↓ to move (forbidden models are skipped),
 * Enter to pick, Esc to close: ui/ComboBox's field and list, in ui/Dialog. A model the token's
 * scope forbids is listed with its reason and can be neither clicked nor entered.
 */
export function ModelPicker({ providerId, model, onPick, onClose }: Props) {
  const providers = useStore(useShallow((s) => s.providers));
  const lists = useStore(useShallow((s) => s.models));
  const loading = useStore(useShallow((s) => s.modelsLoading));
  const errors = useStore(useShallow((s) => s.modelsError));
  const picked = useStore(useShallow((s) => s.recentModels));
  const threads = useStore((s) => s.threads);
  const ensureProvidersSync = useStore((s) => s.ensureProvidersSync);
  const loadModels = useStore((s) => s.loadModels);
  const noteModelUsed = useStore((s) => s.noteModelUsed);
  const setScreen = useStore((s) => s.setScreen);
  const [query, setQuery] = useState('');

  useEffect(() => ensureProvidersSync(), [ensureProvidersSync]);

  useEffect(() => {
    for (const p of providers) {
      const usable = p.authKind === 'none' || p.credential.configured;
      if (usable && !lists[p.id] && !errors[p.id]) void loadModels(p.id);
    }
  }, [providers, lists, errors, loadModels]);

  const recent = useMemo<ModelRef[]>(() => [...picked, ...recentFromThreads(threads)], [picked, threads]);
  const groups = useMemo(
    () => buildPickerGroups(providers, lists, recent, query),
    [providers, lists, recent, query],
  );
  const entries = useMemo(() => flatEntries(groups), [groups]);
  const current = providerId !== null && model !== null ? { providerId, model } : null;

  const byKey = useMemo(() => new Map(entries.map((e) => [e.key, e])), [entries]);
  const disabledKeys = useMemo(() => entries.filter((e) => e.disabled).map((e) => e.key), [entries]);

  const pick = (key: Key) => {
    const entry = byKey.get(String(key));
    if (!entry || entry.disabled) return;
    noteModelUsed({ providerId: entry.providerId, model: entry.model.id });
    onPick(entry.providerId, entry.model.id);
    onClose();
  };

  const notes = providers.flatMap((p) => {
    if (p.authKind !== 'none' && !p.credential.configured) return [`${p.name}: no key or token saved.`];
    const err = errors[p.id];
    if (err) return [`${p.name}: ${describeError(err).title}`];
    if (loading[p.id] && !lists[p.id]) return [`${p.name}: loading models…`];
    if (lists[p.id]?.error) return [`${p.name}: ${lists[p.id]?.error ?? ''}`];
    return [];
  });

  return (
    <Dialog
      title="Pick a model"
      hideTitle
      placement="top"
      onClose={onClose}
      className="models-picker"
      bodyClassName="ui-dialog-flush"
      testId="model-picker"
    >
      <SearchCombo query={query} onQueryChange={setQuery}>
        <ComboInput
          label="Search models"
          placeholder="Search models…"
          className="input models-picker-search"
          expanded={entries.length > 0}
          autoFocus
        />
        {entries.length > 0 ? (
          <ComboList
            aria-label="Models"
            className="models-picker-list scroll"
            disabledKeys={disabledKeys}
            onAction={pick}
          >
            {groups.map((g) => (
              <ComboSection
                key={g.id}
                title={g.label}
                headerClassName="models-picker-group-label section-title"
              >
                {g.entries.map((entry) => (
                  <ModelPickerOption
                    key={entry.key}
                    entry={entry}
                    current={
                      current !== null &&
                      current.providerId === entry.providerId &&
                      current.model === entry.model.id
                    }
                    showProvider={g.id === 'recent'}
                  />
                ))}
              </ComboSection>
            ))}
          </ComboList>
        ) : (
          <div className="models-picker-empty">
            {providers.length === 0 ? (
              <>
                <p>No providers yet.</p>
                <button
                  type="button"
                  className="btn btn-primary"
                  onClick={() => {
                    onClose();
                    setScreen('providers');
                  }}
                >
                  Add a provider
                </button>
              </>
            ) : query !== '' ? (
              <p>No model matches “{query}”.</p>
            ) : (
              <p>No models to show yet.</p>
            )}
          </div>
        )}
      </SearchCombo>
      <footer className="models-picker-footer">
        {notes.length > 0 ? (
          <ul className="models-picker-notes" aria-live="polite">
            {notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        ) : null}
        <span className="field-hint">
          <span className="kbd">↑</span>
          <span className="kbd">↓</span> move · <span className="kbd">Enter</span> pick ·{' '}
          <span className="kbd">Esc</span> close
        </span>
      </footer>
    </Dialog>
  );
}
