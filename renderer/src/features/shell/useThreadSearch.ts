import { useEffect, useState } from 'react';
import type { SearchHit } from '../../../../main/contract';
import { api } from '../../bridge/api';
import { failureLine } from '../../platform/describeError';

export type SearchMode = 'newest' | 'relevance';

export interface SearchState {
  hits: SearchHit[];
  searching: boolean;
  error: string | null;
  /** The query the hits belong to. */
  query: string;
}

const DEBOUNCE_MS = 120;
const LIMIT = 40;

/** Searches every thread as the user types; answers to older keystrokes are dropped. */
export function useThreadSearch(
  query: string,
  mode: SearchMode,
  filter: { projectId: string | null; tag: string | null } = { projectId: null, tag: null },
): SearchState {
  const [state, setState] = useState<SearchState>({ hits: [], searching: false, error: null, query: '' });
  const trimmed = query.trim();
  const { projectId, tag } = filter;

  useEffect(() => {
    if (trimmed === '') return;
    let current = true;
    const timer = window.setTimeout(() => {
      setState((s) => ({ ...s, searching: true }));
      const filters = { ...(projectId !== null ? { projectId } : {}), ...(tag !== null ? { tag } : {}) };
      void api.threads.search({ query: trimmed, mode, limit: LIMIT, ...filters }).then((result) => {
        if (!current) return;
        setState(
          result.ok
            ? { hits: result.value, searching: false, error: null, query: trimmed }
            : { hits: [], searching: false, error: failureLine(result.error), query: trimmed },
        );
      });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [trimmed, mode, projectId, tag]);

  return trimmed === '' ? { hits: [], searching: false, error: null, query: '' } : state;
}
