import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { SearchHit } from '../contract';
import { toMatchExpression } from './searchQuery';

export type SearchMode = 'newest' | 'relevance';

/** Only threads in this project, or with this tag (issue 18: the palette filters by both). */
export interface SearchFilter {
  projectId?: string;
  tag?: string;
}

// Positional parameters: the project (or NULL), then the tag (or NULL).
const FILTER_SQL = `AND (?1 IS NULL OR t.project_id = ?1)
  AND (?2 IS NULL OR EXISTS (SELECT 1 FROM thread_tags g WHERE g.thread_id = t.id AND g.tag = ?2))`;

/**
 * Relevance ranks only the newest this-many matches: bm25 over every match of a common word
 * in a million messages would take seconds, and recent messages are what people look for.
 */
const RELEVANCE_CANDIDATES = 2_000;
const SNIPPET_TOKENS = 16;

const SNIPPET = `snippet(messages_fts, -1, char(1), char(2), '…', ${SNIPPET_TOKENS})`;

// FTS5 walks its index backwards for `ORDER BY rowid DESC`, so newest-first stops after `limit` hits.
// CROSS JOIN pins the join order: the planner, without statistics, would rather scan every thread.
const NEWEST_SQL = `
  SELECT m.id AS messageId, m.thread_id AS threadId, t.title AS threadTitle, m.role AS role,
    m.created_at AS createdAt, ${SNIPPET} AS snippet
  FROM messages_fts
  CROSS JOIN messages m ON m.rowid = messages_fts.rowid
  CROSS JOIN threads t ON t.id = m.thread_id
  WHERE messages_fts MATCH ?3 AND t.deleted_at IS NULL ${FILTER_SQL}
  ORDER BY messages_fts.rowid DESC
  LIMIT ?4`;

const RANKED_SQL = `
  WITH candidates AS (
    SELECT messages_fts.rowid AS rid, bm25(messages_fts, 1.0, 0.5) AS score
    FROM messages_fts WHERE messages_fts MATCH ?3 ORDER BY messages_fts.rowid DESC LIMIT ?4
  )
  SELECT c.rid AS rid, m.id AS messageId, m.thread_id AS threadId, t.title AS threadTitle, m.role AS role,
    m.created_at AS createdAt
  FROM candidates c
  CROSS JOIN messages m ON m.rowid = c.rid
  CROSS JOIN threads t ON t.id = m.thread_id
  WHERE t.deleted_at IS NULL ${FILTER_SQL}
  ORDER BY c.score, c.rid DESC
  LIMIT ?5`;

const SNIPPET_SQL = `SELECT ${SNIPPET} AS snippet FROM messages_fts WHERE messages_fts MATCH ? AND rowid = ?`;

type RankedRow = Omit<SearchHit, 'snippet'> & { rid: number };

export interface Searcher {
  search(query: string, mode: SearchMode, limit: number, filter?: SearchFilter): SearchHit[];
}

/** Full-text search over every message of every thread that is not deleted. */
export function createSearcher(db: DatabaseSync): Searcher {
  let statements: { newest: StatementSync; ranked: StatementSync; snippet: StatementSync } | undefined;
  const prepared = () => {
    statements ??= {
      newest: db.prepare(NEWEST_SQL),
      ranked: db.prepare(RANKED_SQL),
      snippet: db.prepare(SNIPPET_SQL),
    };
    return statements;
  };

  return {
    search(query, mode, limit, filter = {}) {
      const project = filter.projectId ?? null;
      const tag = filter.tag ?? null;
      const match = toMatchExpression(query);
      if (match === null) return [];
      const s = prepared();
      if (mode === 'newest') return s.newest.all(project, tag, match, limit) as SearchHit[];
      const ranked = s.ranked.all(
        project,
        tag,
        match,
        Math.max(RELEVANCE_CANDIDATES, limit),
        limit,
      ) as RankedRow[];
      return ranked.map(({ rid, ...hit }) => {
        const row = s.snippet.get(match, rid) as { snippet: string } | undefined;
        return { ...hit, snippet: row?.snippet ?? '' };
      });
    },
  };
}
