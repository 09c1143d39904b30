import type { DatabaseSync } from 'node:sqlite';
import type { z } from 'zod';

/** Small app preferences (window bounds, thresholds) in the `settings` table, parsed on the way out. */
export function readSetting<T extends z.ZodType>(
  db: DatabaseSync,
  key: string,
  schema: T,
): z.output<T> | null {
  const row = db.prepare('SELECT value_json FROM settings WHERE key = ?').get(key) as
    { value_json: string } | undefined;
  if (!row) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(row.value_json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeSetting(db: DatabaseSync, key: string, value: unknown): void {
  db.prepare(
    'INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json',
  ).run(key, JSON.stringify(value));
}
