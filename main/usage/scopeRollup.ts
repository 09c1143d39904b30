import type { DatabaseSync } from 'node:sqlite';
import { atomically } from './rollup';
import type { ScopeKind } from './scopeSql';
import { buildScopeSql } from './scopeSql';

const HOUR_MS = 3_600_000;

/** A project or tag filter the scope rollup can serve. */
export interface Scope {
  kind: ScopeKind;
  value: string;
}

/** The one scope of a filter, when it names exactly one project or one tag (and no thread). */
export function scopeOf(filter: { threadId?: string; projectId?: string; tag?: string }): Scope | null {
  if (filter.threadId !== undefined) return null;
  if (filter.projectId !== undefined && filter.tag === undefined)
    return { kind: 'project', value: filter.projectId };
  if (filter.tag !== undefined && filter.projectId === undefined) return { kind: 'tag', value: filter.tag };
  return null;
}

/**
 * Which (scope, zone) pairs of `usage_scope_daily` are built. A pair is built from the raw rows the
 * first time a summary asks for it (like a zone of the daily rollup); the migration's triggers keep
 * it in step after that. The least recently used pairs beyond `maxBuilt` go first.
 */
export class ScopeRollup {
  constructor(
    private readonly db: DatabaseSync,
    private readonly now: () => number = Date.now,
    private readonly maxBuilt = 32,
  ) {}

  ensure(scope: Scope, offsetMinutes: number): void {
    const at = this.now();
    const known = this.db
      .prepare(
        'SELECT used_at FROM usage_scope_built WHERE scope_kind = ? AND scope = ? AND offset_minutes = ?',
      )
      .get(scope.kind, scope.value, offsetMinutes) as { used_at: number } | undefined;
    if (known) {
      if (at - known.used_at > HOUR_MS)
        this.db
          .prepare(
            'UPDATE usage_scope_built SET used_at = ? WHERE scope_kind = ? AND scope = ? AND offset_minutes = ?',
          )
          .run(at, scope.kind, scope.value, offsetMinutes);
      return;
    }
    atomically(this.db, () => {
      this.drop(scope, offsetMinutes);
      this.db.prepare(buildScopeSql(scope.kind)).run({ scope: scope.value, offset: offsetMinutes });
      this.db
        .prepare(
          'INSERT INTO usage_scope_built (scope_kind, scope, offset_minutes, used_at) VALUES (?, ?, ?, ?)',
        )
        .run(scope.kind, scope.value, offsetMinutes, at);
      const stale = this.db
        .prepare(
          'SELECT scope_kind, scope, offset_minutes FROM usage_scope_built ORDER BY used_at DESC LIMIT -1 OFFSET ?',
        )
        .all(this.maxBuilt) as { scope_kind: ScopeKind; scope: string; offset_minutes: number }[];
      for (const s of stale) this.drop({ kind: s.scope_kind, value: s.scope }, s.offset_minutes);
    });
  }

  private drop(scope: Scope, offsetMinutes: number): void {
    const where = 'WHERE scope_kind = ? AND scope = ? AND offset_minutes = ?';
    this.db.prepare(`DELETE FROM usage_scope_daily ${where}`).run(scope.kind, scope.value, offsetMinutes);
    this.db.prepare(`DELETE FROM usage_scope_built ${where}`).run(scope.kind, scope.value, offsetMinutes);
  }
}
