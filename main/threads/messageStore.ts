import { randomUUID } from 'node:crypto';
import type { Message, OpenedMessage } from '../contract';
import { AppFailure, MESSAGE_DEFAULTS } from '../contract';
import { clipContent, clipMessage, utf16Length } from './messageContent';
import type { MessageField, MessageRow } from './rows';
import { MESSAGE_COLUMNS, columnValue, definedOnly, messageFromRow } from './rows';
import type { Sql } from './sql';

/** What a caller gives to store a message; everything else gets a default. */
export type NewMessage = Partial<Message> & Pick<Message, 'threadId' | 'parentId' | 'role'>;
export type MessagePatch = Partial<Omit<Message, 'id' | 'threadId' | 'createdAt'>>;

const FIELDS = Object.keys(MESSAGE_COLUMNS) as MessageField[];
const INSERT_SQL = `INSERT INTO messages (id, ${FIELDS.map((f) => MESSAGE_COLUMNS[f]).join(', ')})
  VALUES (?${', ?'.repeat(FIELDS.length)})`;

export function getMessageRow(sql: Sql, id: string): MessageRow {
  const row = sql.one<MessageRow>('SELECT * FROM messages WHERE id = ?', id);
  if (!row) throw new AppFailure('not_found', 'That message no longer exists.');
  return row;
}

export function insertMessage(sql: Sql, input: NewMessage, now: number): Message {
  const message: Message = {
    ...MESSAGE_DEFAULTS,
    createdAt: now,
    updatedAt: now,
    ...definedOnly(input),
    id: input.id ?? randomUUID(),
    threadId: input.threadId,
    parentId: input.parentId,
    role: input.role,
  };
  if (message.parentId !== null) {
    const parent = sql.one<{ thread_id: string }>(
      'SELECT thread_id FROM messages WHERE id = ?',
      message.parentId,
    );
    if (parent?.thread_id !== message.threadId) {
      throw new AppFailure('invalid_request', 'The message to answer is not in this thread.');
    }
  }
  sql.run(INSERT_SQL, message.id, ...FIELDS.map((f) => columnValue(f, message[f], sql.metaCodec)));
  return message;
}

const FIXED_FIELDS: ReadonlySet<string> = new Set(['threadId', 'createdAt', 'updatedAt']);

/** Writes only the fields in `patch` (plus `updatedAt`), so a streaming write stays small. */
export function updateMessage(sql: Sql, id: string, patch: MessagePatch, now: number): Message {
  const values = new Map<MessageField, unknown>();
  for (const [field, value] of Object.entries(patch)) {
    if (value !== undefined && Object.hasOwn(MESSAGE_COLUMNS, field) && !FIXED_FIELDS.has(field)) {
      values.set(field as MessageField, value);
    }
  }
  values.set('updatedAt', patch.updatedAt ?? now);
  const fields = [...values.keys()];
  const changed = sql.run(
    `UPDATE messages SET ${fields.map((f) => `${MESSAGE_COLUMNS[f]} = ?`).join(', ')} WHERE id = ?`,
    ...fields.map((f) => columnValue(f, values.get(f), sql.metaCodec)),
    id,
  );
  if (changed === 0) throw new AppFailure('not_found', 'That message no longer exists.');
  return messageFromRow(getMessageRow(sql, id), sql.metaCodec);
}

export function threadMessages(sql: Sql, threadId: string): Message[] {
  return sql
    .all<MessageRow>('SELECT * FROM messages WHERE thread_id = ? ORDER BY created_at, rowid', threadId)
    .map((row) => messageFromRow(row, sql.metaCodec));
}

/** Root → `leafId`, following parent links. */
export function pathTo(sql: Sql, leafId: string): Message[] {
  const rows = sql.all<MessageRow>(
    `WITH RECURSIVE up AS (
       SELECT * FROM messages WHERE id = ?
       UNION ALL SELECT m.* FROM messages m JOIN up ON m.id = up.parent_id
     )
     SELECT * FROM up`,
    leafId,
  );
  return rows.reverse().map((row) => messageFromRow(row, sql.metaCodec));
}

/** The active branch seen from one message up: that message first, then its ancestors. */
export interface PathUp {
  ids: string[];
  /** The parent of the last id (null: the last id is a root). */
  parentOfTop: string | null;
}

/** Up to `limit` messages of the path ending at `fromId`, walking up; ids only, so deep paths stay cheap. */
export function pathIdsUp(sql: Sql, fromId: string, limit: number): PathUp {
  const rows = sql.all<{ id: string; parent_id: string | null }>(
    `WITH RECURSIVE up(id, parent_id, depth) AS (
       SELECT id, parent_id, 1 FROM messages WHERE id = ?
       UNION ALL SELECT m.id, m.parent_id, up.depth + 1 FROM messages m JOIN up ON m.id = up.parent_id
       WHERE up.depth < ?
     )
     SELECT id, parent_id FROM up`,
    fromId,
    limit,
  );
  return { ids: rows.map((r) => r.id), parentOfTop: rows.at(-1)?.parent_id ?? null };
}

/** How many steps above `fromId` its ancestor `targetId` is (0: itself), or null when it is not one. */
export function stepsUpTo(sql: Sql, fromId: string, targetId: string): number | null {
  const row = sql.one<{ depth: number }>(
    `WITH RECURSIVE up(id, parent_id, depth) AS (
       SELECT id, parent_id, 0 FROM messages WHERE id = ?
       UNION ALL SELECT m.id, m.parent_id, up.depth + 1 FROM messages m JOIN up ON m.id = up.parent_id
     )
     SELECT depth FROM up WHERE id = ? LIMIT 1`,
    fromId,
    targetId,
  );
  return row?.depth ?? null;
}

/**
 * A message row with `content` cut in SQL to its first `?` characters (code points; a streaming
 * message whole) and the whole text's size in bytes: a 5 MB answer is not decoded on main for the
 * beginning the window gets.
 */
const CLIPPED_COLUMNS = `id, ${FIELDS.filter((f) => f !== 'content')
  .map((f) => MESSAGE_COLUMNS[f])
  .join(', ')},
  CASE WHEN status = 'streaming' THEN content ELSE substr(content, 1, ?) END AS content,
  octet_length(content) AS content_bytes`;

/**
 * The message as `clipMessage` gives it from its whole text. SQLite cut at `max` code points,
 * which hold at least `max` UTF-16 units, so cutting that again gives the same beginning; only a
 * text SQLite did cut needs its whole length, counted without decoding it.
 */
function openedFromRow(sql: Sql, row: MessageRow & { content_bytes: number }, max: number): OpenedMessage {
  const message = messageFromRow(row, sql.metaCodec);
  const cut = row.content_bytes > max && Buffer.byteLength(row.content) < row.content_bytes;
  if (!cut) return clipMessage(message, max);
  return { ...message, content: clipContent(message.content, max), contentLength: unitsOf(sql, row) };
}

/**
 * A stored text's length in UTF-16 units. Characters of 2 and 3 bytes take one unit, of 4 bytes
 * two: with fewer than 3 bytes more than characters there is no 4-byte one, and SQLite's count
 * of characters is the length; otherwise the bytes are counted (utf16Length).
 */
function unitsOf(sql: Sql, row: { id: string; content_bytes: number }): number {
  const chars =
    sql.one<{ n: number }>('SELECT length(content) AS n FROM messages WHERE id = ?', row.id)?.n ?? 0;
  if (row.content_bytes - chars < 3) return chars;
  const whole = sql.one<{ bytes: Uint8Array }>(
    'SELECT CAST(content AS BLOB) AS bytes FROM messages WHERE id = ?',
    row.id,
  );
  return utf16Length(whole?.bytes ?? new Uint8Array());
}

/**
 * Every child of the given parents (`roots`: also the thread's roots), oldest first: a stretch
 * of the active branch together with the siblings its branch switchers count. With `clip`, long
 * finished messages come as the window gets them (their beginning and `contentLength`).
 */
export function childrenOf(
  sql: Sql,
  threadId: string,
  parentIds: readonly string[],
  roots: boolean,
  clip?: number,
): OpenedMessage[] {
  const where = `WHERE thread_id = ?
         AND (parent_id IN (SELECT value FROM json_each(?))${roots ? ' OR parent_id IS NULL' : ''})
       ORDER BY created_at, rowid`;
  if (clip !== undefined)
    return sql
      .all<MessageRow & { content_bytes: number }>(
        `SELECT ${CLIPPED_COLUMNS} FROM messages ${where}`,
        clip,
        threadId,
        JSON.stringify(parentIds),
      )
      .map((row) => openedFromRow(sql, row, clip));
  return sql
    .all<MessageRow>(`SELECT * FROM messages ${where}`, threadId, JSON.stringify(parentIds))
    .map((row) => messageFromRow(row, sql.metaCodec));
}

/**
 * The leaf reached from `messageId` by always taking the most recently created child, so
 * picking a branch continues where that branch was last extended.
 */
export function newestLeafUnder(sql: Sql, messageId: string): string {
  const row = sql.one<{ id: string }>(
    `WITH RECURSIVE down(id, depth) AS (
       SELECT ?, 0
       UNION ALL SELECT (SELECT c.id FROM messages c WHERE c.parent_id = down.id ORDER BY c.created_at DESC, c.rowid DESC LIMIT 1),
         down.depth + 1
       FROM down WHERE down.id IS NOT NULL
     )
     SELECT id FROM down WHERE id IS NOT NULL ORDER BY depth DESC LIMIT 1`,
    messageId,
  );
  return row?.id ?? messageId;
}

/** The newest root of a thread (a thread can have several when its first message was edited). */
export function newestRoot(sql: Sql, threadId: string): string | null {
  const row = sql.one<{ id: string }>(
    'SELECT id FROM messages WHERE thread_id = ? AND parent_id IS NULL ORDER BY created_at DESC, rowid DESC LIMIT 1',
    threadId,
  );
  return row?.id ?? null;
}

/** Deletes a message and everything below it in one statement; returns how many went. */
export function deleteSubtree(sql: Sql, messageId: string): number {
  return sql.run(
    `WITH RECURSIVE below(id) AS (
       SELECT ? UNION ALL SELECT m.id FROM messages m JOIN below ON m.parent_id = below.id
     )
     DELETE FROM messages WHERE id IN (SELECT id FROM below)`,
    messageId,
  );
}

export function isInSubtree(sql: Sql, rootId: string, candidateId: string): boolean {
  const row = sql.one<{ found: number }>(
    `WITH RECURSIVE up(id) AS (
       SELECT ? UNION ALL SELECT m.parent_id FROM messages m JOIN up ON m.id = up.id WHERE m.parent_id IS NOT NULL
     )
     SELECT 1 AS found FROM up WHERE id = ? LIMIT 1`,
    candidateId,
    rootId,
  );
  return row !== undefined;
}

export interface RawEvent {
  seq: number;
  at: number;
  data: string;
}

export function appendEvents(sql: Sql, messageId: string, events: readonly RawEvent[]): void {
  if (events.length === 0) return;
  sql.transaction(() => {
    for (const e of events) {
      sql.run(
        'INSERT OR REPLACE INTO message_events (message_id, seq, at, data) VALUES (?, ?, ?, ?)',
        messageId,
        e.seq,
        e.at,
        e.data,
      );
    }
  });
}

const likePattern = (text: string): string => `%${text.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;

/** One page of a message's raw stream events, optionally only those containing `query`. */
export function rawEvents(
  sql: Sql,
  messageId: string,
  page: { query: string; offset: number; limit: number },
): { total: number; events: RawEvent[] } {
  const filter = page.query === '' ? '' : "AND data LIKE ? ESCAPE '\\'";
  const params = page.query === '' ? [messageId] : [messageId, likePattern(page.query)];
  const total =
    sql.one<{ n: number }>(
      `SELECT count(*) AS n FROM message_events WHERE message_id = ? ${filter}`,
      ...params,
    )?.n ?? 0;
  const events = sql.all<RawEvent>(
    `SELECT seq, at, data FROM message_events WHERE message_id = ? ${filter} ORDER BY seq LIMIT ? OFFSET ?`,
    ...params,
    page.limit,
    page.offset,
  );
  return { total, events };
}

export const INTERRUPTED_MESSAGE = 'The app closed while this answer was streaming';

export function recoverInterrupted(sql: Sql, now: number): number {
  return sql.run(
    "UPDATE messages SET status = 'interrupted', error_code = 'aborted', error_message = ?, updated_at = ? WHERE status = 'streaming'",
    INTERRUPTED_MESSAGE,
    now,
  );
}
