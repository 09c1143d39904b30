import type { Migration } from '../database';

/**
 * Threads and messages as a tree (parent_id) so branches are siblings. `rowid` grows with
 * insertion, which lets FTS return newest-first hits without sorting.
 *
 * `parent_id` has no ON DELETE CASCADE on purpose: SQLite runs cascades as nested triggers and
 * gives up past 1,000 levels, which a long linear thread exceeds. Deleting a subtree is one
 * DELETE over every id of it (constraints are checked at the end of the statement), and
 * deleting a thread cascades through `thread_id` in one statement.
 *
 * Streaming messages stay out of the FTS index: the chat engine rewrites them many times a
 * second, and re-indexing each write would cost more than the write. They are indexed when
 * their status leaves 'streaming' (done, stopped, failed, or recovered after a crash).
 *
 * FTS5 would merge index segments inside whichever write crosses its threshold, adding
 * milliseconds to that write; automerge is off and FtsMaintenance merges at quiet moments.
 *
 * Per-thread totals are kept in the threads row by triggers so the threads list never has to
 * aggregate a million messages' usage JSON.
 */
export const threads: Migration = {
  version: 2,
  name: '002-threads',
  up(db) {
    db.exec(`
      CREATE TABLE threads (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        title_edited INTEGER NOT NULL DEFAULT 0,
        pinned INTEGER NOT NULL DEFAULT 0,
        archived INTEGER NOT NULL DEFAULT 0,
        deleted_at INTEGER,
        provider_id TEXT,
        model TEXT,
        system_prompt TEXT NOT NULL DEFAULT '',
        params_json TEXT NOT NULL DEFAULT '{}',
        settings_json TEXT NOT NULL DEFAULT '{}',
        active_leaf_id TEXT,
        message_count INTEGER NOT NULL DEFAULT 0,
        total_tokens INTEGER NOT NULL DEFAULT 0,
        total_credits REAL NOT NULL DEFAULT 0,
        credited_messages INTEGER NOT NULL DEFAULT 0,
        total_cost REAL NOT NULL DEFAULT 0,
        costed_messages INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        last_activity_at INTEGER NOT NULL
      );
      CREATE INDEX threads_listing ON threads (deleted_at, archived, pinned DESC, last_activity_at DESC);

      CREATE TABLE messages (
        id TEXT NOT NULL UNIQUE,
        thread_id TEXT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
        parent_id TEXT REFERENCES messages(id),
        role TEXT NOT NULL,
        content TEXT NOT NULL DEFAULT '',
        reasoning TEXT,
        tool_calls_json TEXT,
        tool_call_id TEXT,
        name TEXT,
        choice_index INTEGER NOT NULL DEFAULT 0,
        logprobs_json TEXT,
        status TEXT NOT NULL,
        finish_reason TEXT,
        error_code TEXT,
        error_message TEXT,
        provider_id TEXT,
        model TEXT,
        usage_json TEXT,
        usage_id TEXT,
        meta_json TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX messages_thread ON messages (thread_id, created_at);
      CREATE INDEX messages_parent ON messages (parent_id);
      CREATE INDEX messages_streaming ON messages (status) WHERE status = 'streaming';

      CREATE TABLE message_events (
        message_id TEXT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        at INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (message_id, seq)
      ) WITHOUT ROWID;

      CREATE VIRTUAL TABLE messages_fts USING fts5(
        content, reasoning,
        content = 'messages', content_rowid = 'rowid',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      );
      -- Merging happens at quiet moments (main/threads/ftsMaintenance.ts), not inside a write.
      INSERT INTO messages_fts (messages_fts, rank) VALUES ('automerge', 0);
      CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages WHEN new.status <> 'streaming' BEGIN
        INSERT INTO messages_fts (rowid, content, reasoning) VALUES (new.rowid, new.content, coalesce(new.reasoning, ''));
      END;
      CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages WHEN old.status <> 'streaming' BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, content, reasoning)
          VALUES ('delete', old.rowid, old.content, coalesce(old.reasoning, ''));
      END;
      CREATE TRIGGER messages_fts_update AFTER UPDATE OF content, reasoning, status ON messages
        WHEN old.status <> 'streaming' OR new.status <> 'streaming' BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, content, reasoning)
          SELECT 'delete', old.rowid, old.content, coalesce(old.reasoning, '') WHERE old.status <> 'streaming';
        INSERT INTO messages_fts (rowid, content, reasoning)
          SELECT new.rowid, new.content, coalesce(new.reasoning, '') WHERE new.status <> 'streaming';
      END;

      CREATE TRIGGER messages_totals_insert AFTER INSERT ON messages BEGIN
        UPDATE threads SET
          message_count = message_count + 1,
          total_tokens = total_tokens + coalesce(json_extract(new.usage_json, '$.totalTokens'), 0),
          total_credits = total_credits + coalesce(json_extract(new.usage_json, '$.creditsConsumed'), 0),
          credited_messages = credited_messages + (json_extract(new.usage_json, '$.creditsConsumed') IS NOT NULL),
          total_cost = total_cost + coalesce(json_extract(new.usage_json, '$.cost'), 0),
          costed_messages = costed_messages + (json_extract(new.usage_json, '$.cost') IS NOT NULL)
        WHERE id = new.thread_id;
      END;
      CREATE TRIGGER messages_totals_delete AFTER DELETE ON messages BEGIN
        UPDATE threads SET
          message_count = message_count - 1,
          total_tokens = total_tokens - coalesce(json_extract(old.usage_json, '$.totalTokens'), 0),
          total_credits = total_credits - coalesce(json_extract(old.usage_json, '$.creditsConsumed'), 0),
          credited_messages = credited_messages - (json_extract(old.usage_json, '$.creditsConsumed') IS NOT NULL),
          total_cost = total_cost - coalesce(json_extract(old.usage_json, '$.cost'), 0),
          costed_messages = costed_messages - (json_extract(old.usage_json, '$.cost') IS NOT NULL)
        WHERE id = old.thread_id;
      END;
      CREATE TRIGGER messages_totals_update AFTER UPDATE OF usage_json ON messages BEGIN
        UPDATE threads SET
          total_tokens = total_tokens - coalesce(json_extract(old.usage_json, '$.totalTokens'), 0)
            + coalesce(json_extract(new.usage_json, '$.totalTokens'), 0),
          total_credits = total_credits - coalesce(json_extract(old.usage_json, '$.creditsConsumed'), 0)
            + coalesce(json_extract(new.usage_json, '$.creditsConsumed'), 0),
          credited_messages = credited_messages - (json_extract(old.usage_json, '$.creditsConsumed') IS NOT NULL)
            + (json_extract(new.usage_json, '$.creditsConsumed') IS NOT NULL),
          total_cost = total_cost - coalesce(json_extract(old.usage_json, '$.cost'), 0)
            + coalesce(json_extract(new.usage_json, '$.cost'), 0),
          costed_messages = costed_messages - (json_extract(old.usage_json, '$.cost') IS NOT NULL)
            + (json_extract(new.usage_json, '$.cost') IS NOT NULL)
        WHERE id = new.thread_id;
      END;

      CREATE TABLE param_presets (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        params_json TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX param_presets_name ON param_presets (name);
    `);
  },
};
