import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { appliedMigrations, migrate, openDatabase } from '../../main/db/database';
import type { Migration } from '../../main/db/database';
import { migrations } from '../../main/db/migrations';
import { tempDir } from '../threads/support';

const tables = (db: DatabaseSync) =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);

const count = (db: DatabaseSync, table: string) =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** What each step adds, and a row a user of that version would have. */
const steps: Record<
  string,
  { adds: string[]; seed: (db: DatabaseSync) => void; check: (db: DatabaseSync) => void }
> = {
  '001-core': {
    adds: ['providers', 'model_cache', 'recent_models', 'settings'],
    seed: (db) =>
      db.exec(`INSERT INTO providers (id, name, preset, base_url, auth_kind, timeouts_json, position, created_at, updated_at)
               VALUES ('p1', 'Local', 'blank', 'http://127.0.0.1:1', 'api-key', '{}', 0, 1, 1);
               INSERT INTO settings (key, value_json) VALUES ('theme', '"dark"');`),
    check: (db) =>
      expect(db.prepare("SELECT name FROM providers WHERE id = 'p1'").get()).toEqual({ name: 'Local' }),
  },
  '002-threads': {
    adds: [
      'threads',
      'messages',
      'message_events',
      'messages_fts',
      'param_presets',
      'messages_fts_insert',
      'messages_totals_update',
    ],
    seed: (db) =>
      db.exec(`INSERT INTO threads (id, title, created_at, last_activity_at) VALUES ('t1', 'Old thread', 1, 1);
               INSERT INTO messages (id, thread_id, parent_id, role, content, status, usage_json, created_at, updated_at)
               VALUES ('m1', 't1', NULL, 'user', 'an ocelot question', 'complete', NULL, 1, 1),
                      ('m2', 't1', 'm1', 'assistant', 'an ocelot answer', 'complete', '{"totalTokens":12,"creditsConsumed":null,"cost":0.5}', 2, 2);`),
    check: (db) => {
      expect(
        db.prepare("SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH 'ocelot'").get(),
      ).toEqual({ n: 2 });
      expect(
        db.prepare("SELECT message_count, total_tokens, total_cost FROM threads WHERE id = 't1'").get(),
      ).toEqual({
        message_count: 2,
        total_tokens: 12,
        total_cost: 0.5,
      });
    },
  },
  '003-tools': {
    adds: ['tools', 'thread_tools'],
    seed: (db) =>
      db.exec(`INSERT INTO tools (id, name, parameters_json, created_at, updated_at) VALUES ('tool1', 'lookup', '{}', 1, 1);
               INSERT INTO thread_tools (thread_id, tool_id, position) VALUES ('t1', 'tool1', 0);`),
    check: (db) => expect(count(db, 'thread_tools')).toBe(1),
  },
  '004-usage': {
    adds: ['usage', 'prices'],
    seed: (db) =>
      db.exec(`INSERT INTO usage (id, at, provider_name, model, confidential, tokens_reported, status)
               VALUES ('u1', 1, 'Local', 'm', 0, 1, 'complete');`),
    check: (db) => expect(count(db, 'usage')).toBe(1),
  },
  '005-shared-usage': {
    adds: [],
    // Two choices of one request: the second's usage is a copy, counted once in the totals.
    seed: (db) =>
      db.exec(`INSERT INTO threads (id, title, created_at, last_activity_at) VALUES ('t5', 'Two choices', 1, 1);
               INSERT INTO messages (id, thread_id, parent_id, role, content, status, usage_json, created_at, updated_at)
               VALUES ('c0', 't5', NULL, 'assistant', 'one', 'complete', '{"totalTokens":30,"cost":0.25}', 1, 1),
                      ('c1', 't5', NULL, 'assistant', 'two', 'complete', '{"totalTokens":30,"cost":0.25,"sharedCopy":true}', 1, 1);
               UPDATE usage SET cached_tokens = 4 WHERE id = 'u1';`),
    check: (db) => {
      expect(
        db.prepare("SELECT message_count, total_tokens, total_cost FROM threads WHERE id = 't5'").get(),
      ).toEqual({ message_count: 2, total_tokens: 30, total_cost: 0.25 });
      expect(db.prepare("SELECT cached_tokens FROM usage WHERE id = 'u1'").get()).toEqual({
        cached_tokens: 4,
      });
    },
  },
  '006-attestation': {
    adds: ['attestation_reports', 'attestation_answers', 'attestation_providers', 'attestation_pins'],
    // A pinned identity, and the level a request reached in the ledger.
    seed: (db) =>
      db.exec(`INSERT INTO attestation_pins (provider_id, app_id, compose_hash, compose, status, first_seen, last_seen)
               VALUES ('p1', 'app', '${'ab'.repeat(32)}', 'services: {}', 'trusted', 1, 1);
               UPDATE usage SET attestation_level = 'signed' WHERE id = 'u1';`),
    check: (db) => {
      expect(db.prepare("SELECT status FROM attestation_pins WHERE app_id = 'app'").get()).toEqual({
        status: 'trusted',
      });
      expect(db.prepare("SELECT attestation_level FROM usage WHERE id = 'u1'").get()).toEqual({
        attestation_level: 'signed',
      });
    },
  },
  '007-attachments': {
    adds: [
      'attachment_blobs',
      'attachment_refs',
      'attachment_limits',
      'attachment_refs_add',
      'attachment_blobs_unused',
    ],
    // A message with a file: the blob is kept while a message uses it (test/attachments covers removal).
    seed: (db) =>
      db.exec(`INSERT INTO attachment_blobs (sha256, mime, size, data, created_at) VALUES ('${'a'.repeat(64)}', 'text/plain', 2, x'6869', 1);
               INSERT INTO threads (id, title, created_at, last_activity_at) VALUES ('t7', 'With a file', 1, 1);
               INSERT INTO messages (id, thread_id, parent_id, role, content, status, attachments_json, created_at, updated_at)
               VALUES ('f0', 't7', NULL, 'user', 'see file', 'complete', '[{"sha256":"${'a'.repeat(64)}"}]', 1, 1);`),
    check: (db) =>
      expect(db.prepare("SELECT sha256 FROM attachment_refs WHERE message_id = 'f0'").get()).toEqual({
        sha256: 'a'.repeat(64),
      }),
  },
  '008-mcp': {
    adds: ['mcp_servers', 'mcp_consents', 'mcp_tools', 'mcp_thread_tools', 'mcp_runs'],
    // A stdio server the user consented to, with one pinned tool.
    seed: (db) =>
      db.exec(`INSERT INTO mcp_servers (id, name, transport, command, handshake_timeout_ms, call_timeout_ms, created_at, updated_at)
               VALUES ('s8', 'files', 'stdio', 'npx', 10000, 60000, 1, 1);
               INSERT INTO mcp_consents (server_id, hash, granted_at) VALUES ('s8', 'h', 1);
               INSERT INTO mcp_tools (server_id, name, function_name, definition_json, current_hash, pinned_hash, position)
               VALUES ('s8', 'read', 'files__read', '{}', 'h1', 'h1', 0);`),
    check: (db) =>
      expect(db.prepare("SELECT policy, pinned_hash FROM mcp_tools WHERE server_id = 's8'").get()).toEqual({
        policy: 'ask',
        pinned_hash: 'h1',
      }),
  },
  '009-experiments': {
    adds: ['experiments', 'experiment_versions', 'experiment_runs', 'experiment_cells'],
    // An experiment with one version and a run whose finished cell is kept.
    seed: (db) =>
      db.exec(`INSERT INTO experiments (id, name, config_json, created_at, updated_at) VALUES ('e9', 'Capitals', '{}', 1, 1);
               INSERT INTO experiment_versions (id, experiment_id, number, prompt_json, created_at)
               VALUES ('v9', 'e9', 1, '{"messages":[{"role":"user","content":"{{q}}"}]}', 1);
               INSERT INTO experiment_runs (id, experiment_id, version_id, config_json, columns_json, status, created_at)
               VALUES ('r9', 'e9', 'v9', '{}', '[]', 'finished', 1);
               INSERT INTO experiment_cells (id, run_id, case_id, column_key, rep, position, status, result_json)
               VALUES ('c9', 'r9', 'case', 'col', 0, 0, 'done', '{"answer":"Paris"}');`),
    check: (db) =>
      expect(db.prepare("SELECT status, result_json FROM experiment_cells WHERE id = 'c9'").get()).toEqual({
        status: 'done',
        result_json: '{"answer":"Paris"}',
      }),
  },
  '010-projects-budgets': {
    adds: ['budgets', 'budget_overrides', 'budget_alerts', 'projects', 'thread_tags'],
    // A budget with a pass granted, and a thread from 002 moved into a project with a tag.
    seed: (db) =>
      db.exec(`INSERT INTO budgets (id, name, scope_json, period, limit_amount, unit, thresholds_json, action, created_at)
               VALUES ('b10', 'Month', '{"kind":"overall"}', 'month', 5, 'USD', '[50,80,100]', 'block', 1);
               INSERT INTO budget_overrides (budget_id, granted_at) VALUES ('b10', 2);
               INSERT INTO projects (id, name, created_at) VALUES ('pr10', 'Evals', 1);
               UPDATE threads SET project_id = 'pr10' WHERE id = 't5';
               INSERT INTO thread_tags (thread_id, tag) VALUES ('t5', 'work');`),
    check: (db) => {
      expect(db.prepare("SELECT limit_amount, unit, action FROM budgets WHERE id = 'b10'").get()).toEqual({
        limit_amount: 5,
        unit: 'USD',
        action: 'block',
      });
      expect(db.prepare("SELECT project_id FROM threads WHERE id = 't5'").get()).toEqual({
        project_id: 'pr10',
      });
      expect(count(db, 'thread_tags')).toBe(1);
    },
  },
  '011-request-body-blobs': {
    adds: ['request_body_refs_insert', 'request_body_refs_update', 'attachment_pages_add'],
    // An answer whose stored body refers to 007's blob holds it, as the message it came with does.
    seed: (db) =>
      db.exec(`INSERT INTO messages (id, thread_id, parent_id, role, content, status, meta_json, created_at, updated_at)
               VALUES ('a11', 't7', 'f0', 'assistant', 'a file', 'complete',
                       '{"requestBody":"{}","requestBodyBlobs":[{"at":1,"sha256":"${'a'.repeat(64)}"}]}', 1, 1);`),
    check: (db) =>
      expect(db.prepare("SELECT sha256 FROM attachment_refs WHERE message_id = 'a11'").get()).toEqual({
        sha256: 'a'.repeat(64),
      }),
  },
  '013-experiment-projects': {
    adds: [],
    // The experiment from 009 filed in the project from 010; a new experiment has none.
    seed: (db) => db.exec(`UPDATE experiments SET project_id = 'pr10' WHERE id = 'e9'`),
    check: (db) =>
      expect(db.prepare("SELECT name, project_id FROM experiments WHERE id = 'e9'").get()).toEqual({
        name: 'Capitals',
        project_id: 'pr10',
      }),
  },
  '014-exchange-rates': {
    adds: ['exchange_rates'],
    // A rate the user entered; one per pair and date, never 0, never from a currency to itself.
    seed: (db) =>
      db.exec(`INSERT INTO exchange_rates (id, from_currency, to_currency, rate, as_of, created_at)
               VALUES ('r14', 'EUR', 'USD', 1.08, '2026-12-01', 1)`),
    check: (db) => {
      expect(db.prepare("SELECT rate, as_of FROM exchange_rates WHERE id = 'r14'").get()).toEqual({
        rate: 1.08,
        as_of: '2026-12-01',
      });
      expect(() =>
        db.exec(`INSERT INTO exchange_rates (id, from_currency, to_currency, rate, as_of, created_at)
                 VALUES ('bad', 'EUR', 'EUR', 1, '2026-12-01', 1)`),
      ).toThrow();
    },
  },
  '012-mcp-canned-oauth': {
    adds: ['mcp_canned'],
    // A server from 008 keeps its row and reads as signing in with nothing; an answer is kept per tool.
    seed: (db) =>
      db.exec(
        `INSERT INTO mcp_canned (server_id, name, answer, active, updated_at) VALUES ('s8', 'read', 'canned', 1, 1)`,
      ),
    check: (db) => {
      expect(db.prepare("SELECT auth, oauth_scopes FROM mcp_servers WHERE id = 's8'").get()).toEqual({
        auth: 'none',
        oauth_scopes: '',
      });
      expect(db.prepare("SELECT answer FROM mcp_canned WHERE server_id = 's8'").get()).toEqual({
        answer: 'canned',
      });
    },
  },
  '015-attestation-collateral': {
    adds: ['attestation_collateral'],
    // Collateral fetched for one platform, kept with its nextUpdate.
    seed: (db) =>
      db.exec(`INSERT INTO attestation_collateral (key, source, fetched_at, next_update, body)
               VALUES ('tdx:B0C06F000000:platform', 'https://pcs.example', 1, 2, '{}')`),
    check: (db) =>
      expect(db.prepare('SELECT next_update FROM attestation_collateral').get()).toEqual({ next_update: 2 }),
  },
  '016-attestation-collateral-source': {
    adds: [],
    // A provider's own PCCS; the provider from 006 keeps its "require verification" and uses the app's.
    seed: (db) =>
      db.exec(`INSERT OR IGNORE INTO attestation_providers (provider_id, require_verification) VALUES ('p16', 1);
               UPDATE attestation_providers SET collateral_url = 'https://pccs.example' WHERE provider_id = 'p16'`),
    check: (db) =>
      expect(
        db
          .prepare(
            "SELECT require_verification, collateral_url FROM attestation_providers WHERE provider_id = 'p16'",
          )
          .get(),
      ).toEqual({ require_verification: 1, collateral_url: 'https://pccs.example' }),
  },
  '018-usage-scopes': {
    adds: ['usage_scope_built', 'usage_scope_daily'],
    // A project's usage cells built for one zone (rebuilt from the ledger on use otherwise).
    seed: (db) =>
      db.exec(`INSERT OR IGNORE INTO usage_scope_built (scope_kind, scope, offset_minutes, used_at)
               VALUES ('project', 'p18', 60, 1)`),
    check: (db) => expect(db.prepare('SELECT scope FROM usage_scope_built').get()).toEqual({ scope: 'p18' }),
  },
  '020-mcp-run-ledger': {
    adds: [],
    // A run of the server from 008, with the answer that called it and its result's size.
    seed: (db) =>
      db.exec(`INSERT OR IGNORE INTO mcp_runs (id, server_id, server_name, tool, started_at, duration_ms, status, message_id, result_chars)
               VALUES ('r20', 's8', 'files', 'read', 1, 5, 'ok', 'm20', 42)`),
    check: (db) =>
      expect(db.prepare("SELECT message_id, result_chars FROM mcp_runs WHERE id = 'r20'").get()).toEqual({
        message_id: 'm20',
        result_chars: 42,
      }),
  },
};

function databaseAt(version: number): DatabaseSync {
  const db = new DatabaseSync(':memory:');
  db.exec('PRAGMA foreign_keys = ON');
  migrate(
    db,
    migrations.filter((m) => m.version <= version),
  );
  return db;
}

describe('migrations', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    cleanup?.();
    cleanup = undefined;
  });

  it('every step is named, numbered in order and described by a test here', () => {
    // Numbers are handed out per area (011–015 this batch), so one may be missing; order may not.
    const versions = migrations.map((m) => m.version);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
    expect(migrations.map((m) => Number(m.name.slice(0, 3)))).toEqual(versions);
    expect(migrations.map((m) => m.name).sort()).toEqual(Object.keys(steps).sort());
  });

  for (const migration of migrations) {
    it(`step ${migration.name} adds its tables on top of the previous version and keeps older rows`, () => {
      const db = databaseAt(migration.version - 1);
      const before = tables(db);
      for (const earlier of migrations.filter((m) => m.version < migration.version))
        steps[earlier.name]!.seed(db);
      expect(
        migrate(
          db,
          migrations.filter((m) => m.version <= migration.version),
        ),
      ).toEqual([migration.name]);
      const added = tables(db).filter((t) => !before.includes(t));
      expect(added).toEqual(expect.arrayContaining(steps[migration.name]!.adds));
      steps[migration.name]!.seed(db);
      for (const done of migrations.filter((m) => m.version <= migration.version))
        steps[done.name]!.check(db);
    });
  }

  it('migrates an empty database to the latest version', () => {
    const dir = tempDir();
    cleanup = dir.remove;
    const { db, notices } = openDatabase(join(dir.dir, 'desk.sqlite'), migrations);
    expect(notices).toEqual([]);
    expect(appliedMigrations(db).map((m) => m.name)).toEqual(migrations.map((m) => m.name));
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(db.prepare('PRAGMA foreign_keys').get()).toEqual({ foreign_keys: 1 });
    db.close();
  });

  it('opening a previous version migrates it and keeps every row, and reopening runs nothing', () => {
    const dir = tempDir();
    cleanup = dir.remove;
    const file = join(dir.dir, 'desk.sqlite');
    const previous = migrations.slice(0, -1);
    const old = openDatabase(file, previous).db;
    for (const m of previous) steps[m.name]!.seed(old);
    old.close();

    const { db } = openDatabase(file, migrations);
    expect(appliedMigrations(db).map((m) => m.name)).toEqual(migrations.map((m) => m.name));
    for (const m of previous) steps[m.name]!.check(db);
    db.close();
    const again = openDatabase(file, migrations).db;
    expect(migrate(again, migrations)).toEqual([]);
    again.close();
  });

  it('a step that fails leaves the database at the version before it', () => {
    const db = databaseAt(migrations.length);
    const broken: Migration = {
      version: 99,
      name: '099-broken',
      up: (d) => {
        d.exec('CREATE TABLE half_done (x)');
        throw new Error('step failed');
      },
    };
    expect(() => migrate(db, [...migrations, broken])).toThrow('step failed');
    expect(tables(db)).not.toContain('half_done');
    expect(appliedMigrations(db).map((m) => m.version)).toEqual(migrations.map((m) => m.version));
  });
});
