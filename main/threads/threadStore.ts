import { randomUUID } from 'node:crypto';
import type { Thread, ThreadSettings, ThreadSummary } from '../contract';
import { AppFailure } from '../contract';
import { DEFAULT_TITLE, defaultSettings } from './defaults';
import type { SummaryRow, ThreadOptions, ThreadRow } from './rows';
import { SUMMARY_COLUMNS, definedOnly, settingsFromRow, summaryFromRow } from './rows';
import type { Sql } from './sql';

const NOT_FOUND = 'That thread no longer exists.';

export function getThreadRow(sql: Sql, id: string, includeDeleted = false): ThreadRow {
  const row = sql.one<ThreadRow>('SELECT * FROM threads WHERE id = ?', id);
  if (!row || (row.deleted_at !== null && !includeDeleted)) throw new AppFailure('not_found', NOT_FOUND);
  return row;
}

export function toolIdsOf(sql: Sql, threadId: string): string[] {
  return sql
    .all<{ tool_id: string }>(
      'SELECT tool_id FROM thread_tools WHERE thread_id = ? ORDER BY position',
      threadId,
    )
    .map((r) => r.tool_id);
}

export function threadFromRow(sql: Sql, row: ThreadRow): Thread {
  return {
    ...summaryFromRow(row),
    settings: settingsFromRow(row, toolIdsOf(sql, row.id)),
    activeLeafId: row.active_leaf_id,
  };
}

/** Pinned first, then by last activity; soft-deleted threads are hidden. */
/** Read at every start (2,281 threads in the startup corpus): only the summary's columns, sorted small. */
/** The list in its order (pinned, then newest activity); `limit` keeps its first rows only. */
export function listThreads(sql: Sql, archived: boolean, limit?: number): ThreadSummary[] {
  return sql
    .all<SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS.join(', ')} FROM threads WHERE deleted_at IS NULL AND archived = ?
       ORDER BY pinned DESC, last_activity_at DESC, rowid DESC LIMIT ?`,
      archived ? 1 : 0,
      limit ?? -1,
    )
    .map(summaryFromRow);
}

/** Provider and model of the thread used last, so a new thread starts where the user was. */
export function lastUsedModel(sql: Sql): Pick<ThreadSettings, 'providerId' | 'model'> {
  const row = sql.one<{ provider_id: string; model: string | null }>(
    `SELECT provider_id, model FROM threads WHERE deleted_at IS NULL AND provider_id IS NOT NULL
     ORDER BY last_activity_at DESC, rowid DESC LIMIT 1`,
  );
  return { providerId: row?.provider_id ?? null, model: row?.model ?? null };
}

export interface NewThread {
  id?: string;
  title?: string;
  titleEdited?: boolean;
  pinned?: boolean;
  archived?: boolean;
  createdAt?: number;
  lastActivityAt?: number;
  activeLeafId?: string | null;
  settings: ThreadSettings;
}

export function insertThread(sql: Sql, input: NewThread, now: number): string {
  const id = input.id ?? randomUUID();
  const s = input.settings;
  sql.run(
    `INSERT INTO threads (id, title, title_edited, pinned, archived, provider_id, model, system_prompt, params_json,
       settings_json, active_leaf_id, created_at, last_activity_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    id,
    input.title ?? DEFAULT_TITLE,
    input.titleEdited ? 1 : 0,
    input.pinned ? 1 : 0,
    input.archived ? 1 : 0,
    s.providerId,
    s.model,
    s.systemPrompt,
    JSON.stringify(s.params),
    JSON.stringify(optionsOf(s)),
    input.activeLeafId ?? null,
    input.createdAt ?? now,
    input.lastActivityAt ?? input.createdAt ?? now,
  );
  writeToolIds(sql, id, s.toolIds);
  return id;
}

const optionsOf = (s: ThreadSettings): ThreadOptions => ({
  toolMode: s.toolMode,
  maxToolRounds: s.maxToolRounds,
  ...(s.variables ? { variables: s.variables } : {}),
});

function writeToolIds(sql: Sql, threadId: string, toolIds: readonly string[]): void {
  sql.run('DELETE FROM thread_tools WHERE thread_id = ?', threadId);
  const unique = [...new Set(toolIds)];
  const known = new Set(
    unique.filter((id) => sql.one<{ id: string }>('SELECT id FROM tools WHERE id = ?', id) !== undefined),
  );
  const unknown = unique.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new AppFailure('invalid_request', 'One of the chosen tools no longer exists.', {
      detail: { field: 'toolIds' },
    });
  }
  unique.forEach((toolId, position) => {
    sql.run(
      'INSERT INTO thread_tools (thread_id, tool_id, position) VALUES (?, ?, ?)',
      threadId,
      toolId,
      position,
    );
  });
}

/** Tools that exist, in the given order: imported threads may name tools this library lacks. */
export function existingToolIds(sql: Sql, toolIds: readonly string[]): string[] {
  return toolIds.filter(
    (id) => sql.one<{ id: string }>('SELECT id FROM tools WHERE id = ?', id) !== undefined,
  );
}

export interface ThreadPatch {
  title?: string;
  pinned?: boolean;
  archived?: boolean;
  settings?: Partial<ThreadSettings>;
}

/** Applies a patch; settings merge field by field (`params` is replaced whole so fields can be unset). */
export function patchThread(sql: Sql, row: ThreadRow, patch: ThreadPatch): void {
  if (patch.title !== undefined) {
    sql.run('UPDATE threads SET title = ?, title_edited = 1 WHERE id = ?', patch.title, row.id);
  }
  if (patch.pinned !== undefined)
    sql.run('UPDATE threads SET pinned = ? WHERE id = ?', patch.pinned ? 1 : 0, row.id);
  if (patch.archived !== undefined) {
    sql.run('UPDATE threads SET archived = ? WHERE id = ?', patch.archived ? 1 : 0, row.id);
  }
  if (patch.settings !== undefined) {
    const current = settingsFromRow(row, toolIdsOf(sql, row.id));
    const next: ThreadSettings = { ...current, ...definedOnly(patch.settings) };
    sql.run(
      `UPDATE threads SET provider_id = ?, model = ?, system_prompt = ?, params_json = ?, settings_json = ? WHERE id = ?`,
      next.providerId,
      next.model,
      next.systemPrompt,
      JSON.stringify(next.params),
      JSON.stringify(optionsOf(next)),
      row.id,
    );
    if (patch.settings.toolIds !== undefined) writeToolIds(sql, row.id, patch.settings.toolIds);
  }
}

export function initialSettings(sql: Sql, given: Partial<ThreadSettings> | undefined): ThreadSettings {
  return { ...defaultSettings(), ...lastUsedModel(sql), ...definedOnly(given ?? {}) };
}

/** Removes threads soft-deleted before `before`; their messages go with them in one cascade. */
export function purgeDeleted(sql: Sql, before: number): number {
  return sql.run('DELETE FROM threads WHERE deleted_at IS NOT NULL AND deleted_at < ?', before);
}
