import type { Migration } from '../database';

export const tools: Migration = {
  version: 3,
  name: '003-tools',
  up(db) {
    db.exec(`
      CREATE TABLE tools (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        parameters_json TEXT NOT NULL,
        canned_result TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      -- A request may not name two functions alike; the library keeps names unique for that.
      CREATE UNIQUE INDEX tools_name ON tools (name);
      CREATE TABLE thread_tools (
        thread_id TEXT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
        tool_id TEXT NOT NULL REFERENCES tools(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        PRIMARY KEY (thread_id, tool_id)
      );
    `);
  },
};
