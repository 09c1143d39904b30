import { useCallback, useEffect, useState } from 'react';
import type { MessageStatus } from '../../../../main/contract/chat';
import { api } from '../../bridge/api';
import type { RawEvent } from './rawEvents';
import { failureLine } from '../../platform/describeError';

const PAGE = 5000;
/** How often the frames of an answer still streaming are read again (main stores them in batches). */
const LIVE_POLL_MS = 1000;
/** Beyond this the list would cost more memory than it is worth reading; the count still shows. */
const MAX_EVENTS = 200_000;

export interface RawEventsState {
  events: RawEvent[];
  total: number;
  loading: boolean;
  error: string | null;
  reload(): void;
}

interface Loaded {
  /** Which request these events answer; a different key means a newer load is under way. */
  key: string;
  events: RawEvent[];
  total: number;
  error: string | null;
}

/**
 * Every recorded frame of one answer, fetched page by page; re-read when the answer's status
 * changes, and followed while it streams (new frames are appended about once a second).
 */
export function useRawEvents(messageId: string, status: MessageStatus): RawEventsState {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const key = `${messageId}:${status}:${generation}`;

  useEffect(() => {
    let live = true;
    void (async () => {
      const events: RawEvent[] = [];
      let total = 0;
      for (let offset = 0; offset < MAX_EVENTS; offset += PAGE) {
        const result = await api.messages.rawEvents({ id: messageId, offset, limit: PAGE });
        if (!live) return;
        if (!result.ok) {
          setLoaded({ key, events, total, error: failureLine(result.error) });
          return;
        }
        total = result.value.total;
        events.push(...result.value.events);
        if (result.value.events.length < PAGE || events.length >= total) break;
      }
      setLoaded({ key, events, total, error: null });
    })();
    return () => {
      live = false;
    };
  }, [key, messageId]);

  // While the answer streams, fetch what was recorded after the frames already shown.
  const current = loaded?.key === key ? loaded : null;
  const following = status === 'streaming' && current !== null && current.error === null;
  useEffect(() => {
    if (!following) return;
    let live = true;
    let busy = false;
    const timer = window.setInterval(() => {
      if (busy) return;
      busy = true;
      void (async () => {
        const shown = current.events.length;
        const result = await api.messages.rawEvents({ id: messageId, offset: shown, limit: PAGE });
        busy = false;
        if (!live || !result.ok || result.value.events.length === 0) return;
        const more = result.value.events;
        setLoaded((prev) =>
          prev?.key === key && prev.events.length === shown && shown + more.length <= MAX_EVENTS
            ? { ...prev, events: [...prev.events, ...more], total: result.value.total }
            : prev,
        );
      })();
    }, LIVE_POLL_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [following, current, key, messageId]);

  // Until the new load lands, keep showing the previous frames of the same answer.
  const shown = loaded && loaded.key.startsWith(`${messageId}:`) ? loaded : null;
  return {
    events: shown?.events ?? [],
    total: shown?.total ?? 0,
    error: shown?.error ?? null,
    loading: loaded?.key !== key,
    reload,
  };
}
