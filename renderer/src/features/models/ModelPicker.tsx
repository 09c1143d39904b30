import type { KeyboardEvent } from 'react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store';
import { describeError } from '../../platform/describeError';
import { ModelPickerOption } from './ModelPickerOption';
import type { ModelRef } from '../../store/providers/pickerModel';
import {
  buildPickerGroups,
  flatEntries,
  initialIndex,
  recentFromThreads,
  stepIndex,
} from '../../store/providers/pickerModel';
import './models.css';

interface Props {
  providerId: string | null;
  model: string | null;
  onPick: (providerId: string, model: string) => void;
  onClose: () => void;
}

/**
 * Keyboard-first model choice: type to filter, ↑/↓ to move (forbidden models are skipped),
 * Enter to pick, Esc to close. A model the token's scope forbids is listed with its reason and
 * can be neither clicked nor entered.
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
  const [highlight, setHighlight] = useState<{ keys: string; index: number } | null>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const baseId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

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

  const indexOf = useMemo(() => new Map(entries.map((e, i) => [e.key, i])), [entries]);

  // The highlight restarts whenever the list changes shape (typing, models arriving).
  const entryKeys = entries.map((e) => e.key).join('\n');
  const active =
    highlight !== null && highlight.keys === entryKeys
      ? highlight.index
      : initialIndex(entries, query === '' ? current : null);
  const setActive = (index: number) => setHighlight({ keys: entryKeys, index });

  const activeEntry = active >= 0 ? entries[active] : undefined;
  const optionId = (key: string) => `${baseId}-opt-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const activeId = activeEntry ? optionId(activeEntry.key) : undefined;

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  const pick = (index: number) => {
    const entry = entries[index];
    if (!entry || entry.disabled) return;
    noteModelUsed({ providerId: entry.providerId, model: entry.model.id });
    onPick(entry.providerId, entry.model.id);
    onClose();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = stepIndex(entries, active, e.key === 'ArrowDown' ? 1 : -1);
      if (next >= 0) setActive(next);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      pick(active);
    }
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
    <dialog
      ref={dialogRef}
      className="models-picker"
      data-testid="model-picker"
      aria-label="Pick a model"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        if (e.target === dialogRef.current) onClose();
      }}
    >
      <input
        className="input models-picker-search"
        role="combobox"
        aria-label="Search models"
        aria-expanded="true"
        aria-controls={`${baseId}-list`}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        placeholder="Search models…"
        autoFocus
        spellCheck={false}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <div id={`${baseId}-list`} role="listbox" aria-label="Models" className="models-picker-list scroll">
        {groups.map((g) => (
          <div
            key={g.id}
            role="group"
            aria-labelledby={`${baseId}-g-${g.id}`}
            className="models-picker-group"
          >
            <div
              id={`${baseId}-g-${g.id}`}
              role="presentation"
              className="models-picker-group-label section-title"
            >
              {g.label}
            </div>
            {g.entries.map((entry) => {
              const index = indexOf.get(entry.key) ?? -1;
              return (
                <ModelPickerOption
                  key={entry.key}
                  id={optionId(entry.key)}
                  entry={entry}
                  active={index === active}
                  current={
                    current !== null &&
                    current.providerId === entry.providerId &&
                    current.model === entry.model.id
                  }
                  showProvider={g.id === 'recent'}
                  onHover={() => setActive(index)}
                  onPick={() => pick(index)}
                />
              );
            })}
          </div>
        ))}
        {entries.length === 0 ? (
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
        ) : null}
      </div>
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
    </dialog>
  );
}
