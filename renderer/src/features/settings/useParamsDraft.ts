import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ChatParams } from '../../../../main/contract';
import { useStore } from '../../store';
import type { FieldKey, ParamsDraft } from './paramsModel';
import {
  checkDraft,
  draftFromParams,
  emptyDraft,
  errorsFromIssues,
  managedKey,
  mergeParams,
} from './paramsModel';

const SAVE_DELAY_MS = 400;
const NO_PARAMS: ChatParams = {};

export interface ParamsDraftHandle {
  draft: ParamsDraft;
  errors: Partial<Record<FieldKey, string>>;
  /** A message from main that names no single field. */
  saveError: string | null;
  change(update: (draft: ParamsDraft) => ParamsDraft): void;
  reset(): void;
  apply(params: ChatParams): void;
  /** What would be saved now: the stored params with the valid edits. */
  current(): ChatParams;
}

/**
 * The parameter panel's working copy: edits show at once, are validated per field and saved
 * (debounced) merged over what main holds, so the Tools tab's changes are never overwritten.
 * Changes made elsewhere replace the copy while nothing here is waiting to be saved.
 */
export function useParamsDraft(threadId: string): ParamsDraftHandle {
  const stored = useStore((s) => s.details[threadId]?.thread.settings.params ?? NO_PARAMS);
  const updateSettings = useStore((s) => s.updateSettings);
  const [draft, setDraft] = useState(() => draftFromParams(stored));
  const [syncedKey, setSyncedKey] = useState(() => managedKey(stored));
  const [dirty, setDirty] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<FieldKey, string>>>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const pending = useRef<{ draft: ParamsDraft; dirty: boolean }>({ draft, dirty });

  const storedKey = managedKey(stored);
  if (!dirty && storedKey !== syncedKey) {
    setDraft(draftFromParams(stored));
    setSyncedKey(storedKey);
  }

  const check = useMemo(() => checkDraft(draft), [draft]);

  const save = useCallback(
    async (toSave: ParamsDraft) => {
      const latest = useStore.getState().details[threadId]?.thread.settings.params ?? NO_PARAMS;
      const next = mergeParams(latest, checkDraft(toSave));
      if (JSON.stringify(next) === JSON.stringify(latest)) return;
      const error = await updateSettings(threadId, { params: next });
      if (!error) {
        setServerErrors({});
        setSaveError(null);
        return;
      }
      const byField = errorsFromIssues(error.detail?.issues ?? []);
      const field = error.detail?.field;
      if (Object.keys(byField).length === 0 && field)
        byField[field as FieldKey] = `${field}: ${error.message}`;
      setServerErrors(byField);
      setSaveError(Object.keys(byField).length === 0 ? error.message : null);
    },
    [threadId, updateSettings],
  );

  useEffect(() => {
    pending.current = { draft, dirty };
    if (!dirty) return;
    const timer = window.setTimeout(() => {
      setDirty(false);
      setSyncedKey(
        managedKey(
          mergeParams(
            useStore.getState().details[threadId]?.thread.settings.params ?? NO_PARAMS,
            checkDraft(draft),
          ),
        ),
      );
      void save(draft);
    }, SAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [draft, dirty, save, threadId]);

  // Leaving the thread (or closing the panel) saves what is still waiting.
  useEffect(
    () => () => {
      if (pending.current.dirty) void save(pending.current.draft);
    },
    [save],
  );

  const change = useCallback((update: (d: ParamsDraft) => ParamsDraft) => {
    setDraft(update);
    setDirty(true);
    setServerErrors({});
  }, []);

  return {
    draft,
    errors: { ...serverErrors, ...check.errors },
    saveError,
    change,
    reset: () => change(() => emptyDraft()),
    apply: (params) => change(() => draftFromParams(params)),
    current: () => mergeParams(stored, check),
  };
}
