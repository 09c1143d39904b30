import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import type { Provider } from '../contract';
import {
  AppFailure,
  AuthKind,
  Capabilities,
  OAuthConfig,
  PresetId,
  ProviderLimits,
  Timeouts,
} from '../contract';
import { transaction } from '../db/database';
import { DEFAULT_TIMEOUTS } from './presets';

/** A provider as stored: everything but the credential status, which comes from the keychain. */
export type StoredProvider = Omit<Provider, 'credential' | 'baseUrlWarning'>;

const Row = z.object({
  id: z.string(),
  name: z.string(),
  preset: PresetId,
  base_url: z.string(),
  auth_kind: AuthKind,
  headers_json: z.string(),
  timeouts_json: z.string(),
  oauth_json: z.string().nullable(),
  model_overrides_json: z.string(),
  position: z.number(),
  created_at: z.number(),
  updated_at: z.number(),
});

const Headers = z.record(z.string(), z.string());
const Overrides = z.record(z.string(), Capabilities.partial());
/** Limits ride in the timeouts column (no migration); older rows have none and get the defaults. */
const WithLimits = z.object({ limits: ProviderLimits.optional() });

function parseJson<T>(schema: z.ZodType<T>, text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

function fromRow(raw: unknown): StoredProvider {
  const row = Row.parse(raw);
  return {
    id: row.id,
    name: row.name,
    preset: row.preset,
    baseUrl: row.base_url,
    authKind: row.auth_kind,
    headers: parseJson(Headers, row.headers_json, {}),
    timeouts: parseJson(Timeouts, row.timeouts_json, DEFAULT_TIMEOUTS),
    ...parseJson(WithLimits, row.timeouts_json, {}),
    oauth: parseJson(OAuthConfig.nullable(), row.oauth_json, null),
    modelOverrides: parseJson(Overrides, row.model_overrides_json, {}),
    position: row.position,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** SQL for provider profiles. Secrets never pass through here. */
/** The profile's columns in table order (name … position), as insert and update both write them. */
function profileColumns(p: StoredProvider): (string | number | null)[] {
  return [
    p.name,
    p.preset,
    p.baseUrl,
    p.authKind,
    JSON.stringify(p.headers),
    JSON.stringify(p.limits ? { ...p.timeouts, limits: p.limits } : p.timeouts),
    p.oauth === null ? null : JSON.stringify(p.oauth),
    JSON.stringify(p.modelOverrides),
    p.position,
  ];
}

export class ProvidersRepo {
  constructor(private readonly db: DatabaseSync) {}

  list(): StoredProvider[] {
    return this.db.prepare('SELECT * FROM providers ORDER BY position, created_at').all().map(fromRow);
  }

  find(id: string): StoredProvider | null {
    const row = this.db.prepare('SELECT * FROM providers WHERE id = ?').get(id);
    return row === undefined ? null : fromRow(row);
  }

  get(id: string): StoredProvider {
    const found = this.find(id);
    if (!found) throw new AppFailure('not_found', 'That provider no longer exists.');
    return found;
  }

  nextPosition(): number {
    const row = this.db.prepare('SELECT COALESCE(MAX(position), -1) + 1 AS next FROM providers').get();
    return z.object({ next: z.number() }).parse(row).next;
  }

  insert(p: StoredProvider): void {
    this.db
      .prepare(
        `INSERT INTO providers (id, name, preset, base_url, auth_kind, headers_json, timeouts_json, oauth_json,
           model_overrides_json, position, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(p.id, ...profileColumns(p), p.createdAt, p.updatedAt);
  }

  update(p: StoredProvider): void {
    this.db
      .prepare(
        `UPDATE providers SET name = ?, preset = ?, base_url = ?, auth_kind = ?, headers_json = ?, timeouts_json = ?,
           oauth_json = ?, model_overrides_json = ?, position = ?, updated_at = ? WHERE id = ?`,
      )
      .run(...profileColumns(p), p.updatedAt, p.id);
  }

  delete(id: string): boolean {
    return Number(this.db.prepare('DELETE FROM providers WHERE id = ?').run(id).changes) > 0;
  }

  setPositions(ids: readonly string[], now: number): void {
    transaction(this.db, () => {
      const statement = this.db.prepare('UPDATE providers SET position = ?, updated_at = ? WHERE id = ?');
      ids.forEach((id, position) => statement.run(position, now, id));
    });
  }
}
