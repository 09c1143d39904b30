import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import { CachedModel } from './modelData';

/**
 * The base URL and the scopes in force are kept with the list: editing the URL or switching to a
 * token with other scopes makes the next listing fetch again.
 */
const CachePayload = z.object({ baseUrl: z.string(), scopesKey: z.string(), models: z.array(CachedModel) });

const CacheRow = z.object({ fetched_at: z.number(), models_json: z.string() });
const RecentRow = z.object({ provider_id: z.string(), model: z.string(), used_at: z.number() });

export interface CachedList {
  models: CachedModel[];
  fetchedAt: number;
  scopesKey: string;
}

export const scopesKey = (scopes: readonly string[] | null): string =>
  scopes === null ? '*' : [...scopes].sort().join(' ');

/** `model_cache` and `recent_models`: both cascade away with their provider. */
export class ModelCache {
  constructor(private readonly db: DatabaseSync) {}

  read(providerId: string, baseUrl: string): CachedList | null {
    const raw = this.db
      .prepare('SELECT fetched_at, models_json FROM model_cache WHERE provider_id = ?')
      .get(providerId);
    const row = CacheRow.safeParse(raw);
    if (!row.success) return null;
    let payload: unknown;
    try {
      payload = JSON.parse(row.data.models_json);
    } catch {
      return null;
    }
    const parsed = CachePayload.safeParse(payload);
    if (!parsed.success || parsed.data.baseUrl !== baseUrl) return null;
    return { models: parsed.data.models, fetchedAt: row.data.fetched_at, scopesKey: parsed.data.scopesKey };
  }

  write(
    providerId: string,
    baseUrl: string,
    key: string,
    models: readonly CachedModel[],
    fetchedAt: number,
  ): void {
    this.db
      .prepare(
        `INSERT INTO model_cache (provider_id, fetched_at, models_json) VALUES (?, ?, ?)
         ON CONFLICT(provider_id) DO UPDATE SET fetched_at = excluded.fetched_at, models_json = excluded.models_json`,
      )
      .run(providerId, fetchedAt, JSON.stringify({ baseUrl, scopesKey: key, models }));
  }

  markUsed(providerId: string, model: string, at: number): void {
    this.db
      .prepare(
        `INSERT INTO recent_models (provider_id, model, used_at) VALUES (?, ?, ?)
         ON CONFLICT(provider_id, model) DO UPDATE SET used_at = excluded.used_at`,
      )
      .run(providerId, model, at);
  }

  recentFor(providerId: string): Map<string, number> {
    const rows = this.db
      .prepare('SELECT provider_id, model, used_at FROM recent_models WHERE provider_id = ?')
      .all(providerId);
    return new Map(rows.map((r) => RecentRow.parse(r)).map((r) => [r.model, r.used_at]));
  }

  recent(limit: number): { providerId: string; model: string; usedAt: number }[] {
    const rows = this.db
      .prepare('SELECT provider_id, model, used_at FROM recent_models ORDER BY used_at DESC LIMIT ?')
      .all(limit);
    return rows
      .map((r) => RecentRow.parse(r))
      .map((r) => ({ providerId: r.provider_id, model: r.model, usedAt: r.used_at }));
  }
}
