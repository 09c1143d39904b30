import type { Migration } from '../database';

/** Provider profiles (never secrets: those live in the OS keychain), model cache, app settings. */
export const core: Migration = {
  version: 1,
  name: '001-core',
  up(db) {
    db.exec(`
      CREATE TABLE providers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        preset TEXT NOT NULL,
        base_url TEXT NOT NULL,
        auth_kind TEXT NOT NULL,
        headers_json TEXT NOT NULL DEFAULT '{}',
        timeouts_json TEXT NOT NULL,
        oauth_json TEXT,
        model_overrides_json TEXT NOT NULL DEFAULT '{}',
        position INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE model_cache (
        provider_id TEXT PRIMARY KEY REFERENCES providers(id) ON DELETE CASCADE,
        fetched_at INTEGER NOT NULL,
        models_json TEXT NOT NULL
      );
      CREATE TABLE recent_models (
        provider_id TEXT NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
        model TEXT NOT NULL,
        used_at INTEGER NOT NULL,
        PRIMARY KEY (provider_id, model)
      );
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL
      );
    `);
  },
};
