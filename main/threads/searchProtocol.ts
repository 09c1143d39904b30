import type { SearchHit } from '../contract';
import type { SearchFilter, SearchMode } from './searcher';

/** What main posts to the search worker. */
export interface SearchRequest {
  id: number;
  query: string;
  mode: SearchMode;
  limit: number;
  /** Only threads in this project / with this tag (the palette's filters). */
  filter?: SearchFilter;
}

/** What the worker posts back: hits, or why the query failed. */
export type SearchReply = { id: number; hits: SearchHit[] } | { id: number; error: string };

/** Given to the worker at start. */
export interface SearchWorkerData {
  file: string;
  /** Checkpoint the WAL this often from a second connection; null: leave it to main. */
  checkpointEveryMs: number | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

export function isSearchRequest(value: unknown): value is SearchRequest {
  return (
    isRecord(value) &&
    typeof value.id === 'number' &&
    typeof value.query === 'string' &&
    (value.mode === 'newest' || value.mode === 'relevance') &&
    typeof value.limit === 'number'
  );
}

export function isSearchReply(value: unknown): value is SearchReply {
  return (
    isRecord(value) &&
    typeof value.id === 'number' &&
    (Array.isArray(value.hits) || typeof value.error === 'string')
  );
}

export function isSearchWorkerData(value: unknown): value is SearchWorkerData {
  return (
    isRecord(value) &&
    typeof value.file === 'string' &&
    (value.checkpointEveryMs === null || typeof value.checkpointEveryMs === 'number')
  );
}
