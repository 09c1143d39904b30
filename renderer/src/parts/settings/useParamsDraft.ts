import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ChatParams } from '../../../../main/contract';
import { useStore } from '../../store';
import { registerFlusher } from '../../store/pendingEdits';
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
  /** An editor reports that what it shows cannot be sent yet (null once it can). */
  setUnsendable(reason: string | null): void;
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
  /** Why a field outside the draft (the response schema editor) cannot be sent as shown. */
  const unsendable = useRef<string | null>(null);

  const storedKey = managedKey(stored);
  if (!dirty && storedKey !== syncedKey) {
    setDraft(draftFromParams(stored));
    setSyncedKey(storedKey);
  }

  const check = useMemo(() => checkDraft(draft), [draft]);

  const save = useCallback(
    async (toSave: ParamsDraft): Promise<string | null> => {
      const latest = useStore.getState().details[threadId]?.thread.settings.params ?? NO_PARAMS;
      const next = mergeParams(latest, checkDraft(toSave));
      if (JSON.stringify(next) === JSON.stringify(latest)) return null;
      const error = await updateSettings(threadId, { params: next });
      if (!error) {
        setServerErrors({});
        setSaveError(null);
        return null;
      }
      const byField = errorsFromIssues(error.detail?.issues ?? []);
      const field = error.detail?.field;
      if (Object.keys(byField).length === 0 && field)
        byField[field as FieldKey] = `${field}: ${error.message}`;
      setServerErrors(byField);
      setSaveError(Object.keys(byField).length === 0 ? error.message : null);
      return Object.values(byField)[0] ?? error.message;
    },
    [threadId, updateSettings],
  );

  const syncTo = useCallback(
    (toSave: ParamsDraft) =>
      setSyncedKey(
        managedKey(
          mergeParams(
            useStore.getState().details[threadId]?.thread.settings.params ?? NO_PARAMS,
            checkDraft(toSave),
          ),
        ),
      ),
    [threadId],
  );

  useEffect(() => {
    pending.current = { draft, dirty };
    if (!dirty) return;
    const timer = window.setTimeout(() => {
      pending.current = { draft, dirty: false };
      setDirty(false);
      syncTo(draft);
      void save(draft);
    }, SAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [draft, dirty, save, syncTo]);

  // Send saves what is still waiting, and refuses while a field shows a value it cannot send.
  useEffect(
    () =>
      registerFlusher(threadId, async () => {
        const { draft: shown, dirty: waiting } = pending.current;
        const invalid = Object.values(checkDraft(shown).errors)[0];
        if (invalid !== undefined) return invalid;
        if (unsendable.current !== null) return unsendable.current;
        if (!waiting) return null;
        pending.current = { draft: shown, dirty: false };
        setDirty(false);
        syncTo(shown);
        return save(shown);
      }),
    [threadId, save, syncTo],
  );

  // Leaving the thread (or closing the panel) saves what is still waiting.
  useEffect(
    () => () => {
      if (pending.current.dirty) void save(pending.current.draft);
    },
    [save],
  );

  const change = useCallback((update: (d: ParamsDraft) => ParamsDraft) => {
    // Computed here, not in a state updater, so a Send in the same tick sees the edit.
    const next = update(pending.current.draft);
    pending.current = { draft: next, dirty: true };
    setDraft(next);
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
    setUnsendable: useCallback((reason: string | null) => {
      unsendable.current = reason;
    }, []),
  };
}
