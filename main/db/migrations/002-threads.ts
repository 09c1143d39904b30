import type { Migration } from '../database';

/**
 * Threads and messages as a tree (parent_id) so branches are siblings. `rowid` grows with
 * insertion, which lets FTS return newest-first hits without sorting.
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
        created_at INTEGER NOT NULL,
        last_activity_at INTEGER NOT NULL
      );
      CREATE INDEX threads_listing ON threads (deleted_at, archived, pinned DESC, last_activity_at DESC);

      CREATE TABLE messages (
        id TEXT NOT NULL UNIQUE,
        thread_id TEXT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
        parent_id TEXT REFERENCES messages(id) ON DELETE CASCADE,
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
      CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
        INSERT INTO messages_fts (rowid, content, reasoning) VALUES (new.rowid, new.content, coalesce(new.reasoning, ''));
      END;
      CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, content, reasoning)
          VALUES ('delete', old.rowid, old.content, coalesce(old.reasoning, ''));
      END;
      CREATE TRIGGER messages_fts_update AFTER UPDATE OF content, reasoning ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, content, reasoning)
          VALUES ('delete', old.rowid, old.content, coalesce(old.reasoning, ''));
        INSERT INTO messages_fts (rowid, content, reasoning) VALUES (new.rowid, new.content, coalesce(new.reasoning, ''));
      END;

      CREATE TABLE param_presets (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        params_json TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
    `);
  },
};
