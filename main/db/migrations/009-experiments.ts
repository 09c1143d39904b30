import type { Migration } from '../database';

/**
 * Experiments and their runs. A prompt version is never edited: editing the prompt adds one, and a
 * run points at the version it used. Cells keep their thread and message ids as plain text (no
 * foreign keys), like the ledger, so a run's results outlive a thread the user deleted.
 */
export const experiments: Migration = {
  version: 9,
  name: '009-experiments',
  up(db) {
    db.exec(`
      CREATE TABLE experiments (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        config_json TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE experiment_versions (
        id TEXT PRIMARY KEY,
        experiment_id TEXT NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        prompt_json TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (experiment_id, number)
      );
      CREATE TABLE experiment_runs (
        id TEXT PRIMARY KEY,
        experiment_id TEXT NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
        version_id TEXT NOT NULL REFERENCES experiment_versions (id),
        config_json TEXT NOT NULL,
        columns_json TEXT NOT NULL,
        status TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        ended_at INTEGER
      );
      CREATE INDEX experiment_runs_by_experiment ON experiment_runs (experiment_id, created_at);
      CREATE TABLE experiment_cells (
        id TEXT PRIMARY KEY,
        run_id TEXT NOT NULL REFERENCES experiment_runs (id) ON DELETE CASCADE,
        case_id TEXT NOT NULL,
        column_key TEXT NOT NULL,
        rep INTEGER NOT NULL,
        position INTEGER NOT NULL,
        status TEXT NOT NULL,
        thread_id TEXT,
        message_id TEXT,
        result_json TEXT,
        UNIQUE (run_id, case_id, column_key, rep)
      );
      CREATE INDEX experiment_cells_by_run ON experiment_cells (run_id, position);
    `);
  },
};
