import { randomUUID } from 'node:crypto';
import type { ChatParams, ParamPreset } from '../contract';
import { readJson } from './rows';
import type { Sql } from './sql';

interface PresetRow {
  id: string;
  name: string;
  params_json: string;
  created_at: number;
}

const fromRow = (row: PresetRow): ParamPreset => ({
  id: row.id,
  name: row.name,
  params: readJson<ChatParams>(row.params_json) ?? {},
  createdAt: row.created_at,
});

/** Named parameter sets the user saves from the panel and applies to any thread. */
export class PresetsRepo {
  private readonly sql: Sql;
  private readonly now: () => number;

  constructor(sql: Sql, now: () => number) {
    this.sql = sql;
    this.now = now;
  }

  list(): ParamPreset[] {
    return this.sql
      .all<PresetRow>('SELECT * FROM param_presets ORDER BY name COLLATE NOCASE, created_at')
      .map(fromRow);
  }

  /** Saving under an existing name replaces that preset's parameters, keeping its id. */
  save(name: string, params: ChatParams): ParamPreset {
    const existing = this.sql.one<PresetRow>('SELECT * FROM param_presets WHERE name = ?', name);
    if (existing) {
      this.sql.run(
        'UPDATE param_presets SET params_json = ? WHERE id = ?',
        JSON.stringify(params),
        existing.id,
      );
      return { ...fromRow(existing), params };
    }
    const preset: ParamPreset = { id: randomUUID(), name, params, createdAt: this.now() };
    this.sql.run(
      'INSERT INTO param_presets (id, name, params_json, created_at) VALUES (?, ?, ?, ?)',
      preset.id,
      name,
      JSON.stringify(params),
      preset.createdAt,
    );
    return preset;
  }

  delete(id: string): boolean {
    return this.sql.run('DELETE FROM param_presets WHERE id = ?', id) > 0;
  }
}
