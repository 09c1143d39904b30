import type { DatabaseSync } from 'node:sqlite';
import { BLOCK_DAYS, rebuildBlocksSql, rebuildDaysSql } from './rollupSql';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/** Local day number of a timestamp in a zone `offsetMinutes` east of UTC (as the SQL does). */
export const dayOf = (at: number, offsetMinutes: number): number =>
  Math.floor((at + offsetMinutes * MINUTE_MS) / DAY_MS);

/** UTC timestamp at which local day `day` starts in the zone. */
export const dayStart = (day: number, offsetMinutes: number): number =>
  day * DAY_MS - offsetMinutes * MINUTE_MS;

let savepoints = 0;

/** Runs `fn` atomically, nesting inside a caller's transaction when there is one. */
export function atomically<T>(db: DatabaseSync, fn: () => T): T {
  const name = `usage_${++savepoints}`;
  db.exec(`SAVEPOINT ${name}`);
  try {
    const result = fn();
    db.exec(`RELEASE ${name}`);
    return result;
  } catch (error) {
    db.exec(`ROLLBACK TO ${name}`);
    db.exec(`RELEASE ${name}`);
    throw error;
  }
}

/**
 * The per-zone daily rollup (`usage_daily`). A zone is registered the first time a summary asks for
 * its offset; from then on the triggers keep it in step. Few zones are kept (the user's own, and its
 * daylight-saving twin), the least recently used going first.
 */
export class Rollup {
  constructor(
    private readonly db: DatabaseSync,
    private readonly now: () => number = Date.now,
    private readonly maxZones = 4,
  ) {}

  zones(): number[] {
    const rows = this.db
      .prepare('SELECT offset_minutes FROM usage_rollup_zones ORDER BY offset_minutes')
      .all() as {
      offset_minutes: number;
    }[];
    return rows.map((r) => r.offset_minutes);
  }

  /**
   * Makes sure the zone's cells exist (building them once from the raw rows). Making room drops the
   * least recently used zones, never this one nor those in `inUse` (the other zones the same query
   * reads): with equal use times the zone just built could go at once, and the summary read it
   * empty.
   */
  ensureZone(offsetMinutes: number, inUse: readonly number[] = []): void {
    const at = this.now();
    const known = this.db
      .prepare('SELECT used_at FROM usage_rollup_zones WHERE offset_minutes = ?')
      .get(offsetMinutes) as { used_at: number } | undefined;
    if (known) {
      // Recency only decides which zone goes first; an hour's precision spares a write per refresh.
      if (at - known.used_at > HOUR_MS) {
        this.db
          .prepare('UPDATE usage_rollup_zones SET used_at = ? WHERE offset_minutes = ?')
          .run(at, offsetMinutes);
      }
      return;
    }
    atomically(this.db, () => {
      this.dropZone(offsetMinutes);
      this.db
        .prepare('INSERT INTO usage_rollup_zones (offset_minutes, used_at) VALUES (?, ?)')
        .run(offsetMinutes, at);
      this.db
        .prepare(rebuildDaysSql)
        .run({ offset: offsetMinutes, from: Number.MIN_SAFE_INTEGER, to: Number.MAX_SAFE_INTEGER });
      this.db.prepare(rebuildBlocksSql).run({ offset: offsetMinutes, fromBlock: -1e12, toBlock: 1e12 });
      const kept = new Set([offsetMinutes, ...inUse]);
      const others = (
        this.db
          .prepare('SELECT offset_minutes FROM usage_rollup_zones ORDER BY used_at DESC, offset_minutes')
          .all() as { offset_minutes: number }[]
      )
        .map((zone) => zone.offset_minutes)
        .filter((zone) => !kept.has(zone));
      for (const zone of others.slice(Math.max(0, this.maxZones - kept.size))) this.dropZone(zone);
    });
  }

  dropZone(offsetMinutes: number): void {
    this.db.prepare('DELETE FROM usage_daily WHERE offset_minutes = ?').run(offsetMinutes);
    this.db.prepare('DELETE FROM usage_blocks WHERE offset_minutes = ?').run(offsetMinutes);
    this.db.prepare('DELETE FROM usage_rollup_zones WHERE offset_minutes = ?').run(offsetMinutes);
    // The per-project and per-tag cells of the zone (scopeSql.ts) go with it.
    this.db.prepare('DELETE FROM usage_scope_daily WHERE offset_minutes = ?').run(offsetMinutes);
    this.db.prepare('DELETE FROM usage_scope_built WHERE offset_minutes = ?').run(offsetMinutes);
  }

  /**
   * Runs a bulk change to `usage` with the per-row triggers off, then recomputes every zone's days
   * that overlap [from, to). Use for changes that touch many rows, all inside that range.
   */
  bulkChange<T>(from: number, to: number, change: () => T): T {
    return atomically(this.db, () => {
      this.db.exec('UPDATE usage_rollup_state SET paused = 1 WHERE id = 1');
      const result = change();
      this.db.exec('UPDATE usage_rollup_state SET paused = 0 WHERE id = 1');
      if (to > from) this.rebuild(from, to);
      // Project and tag cells (scopeSql.ts) missed the change too: they are built again on use.
      this.db.exec('DELETE FROM usage_scope_daily; DELETE FROM usage_scope_built;');
      return result;
    });
  }

  /** Recomputes every zone's cells (days, then their blocks) for the local days that overlap [from, to). */
  rebuild(from: number, to: number): void {
    const removeDays = this.db.prepare(
      'DELETE FROM usage_daily WHERE offset_minutes = ? AND day >= ? AND day <= ?',
    );
    const removeBlocks = this.db.prepare(
      'DELETE FROM usage_blocks WHERE offset_minutes = ? AND block >= ? AND block <= ?',
    );
    const insertDays = this.db.prepare(rebuildDaysSql);
    const insertBlocks = this.db.prepare(rebuildBlocksSql);
    for (const offset of this.zones()) {
      const first = dayOf(from, offset);
      const last = dayOf(to - 1, offset);
      removeDays.run(offset, first, last);
      insertDays.run({ offset, from: dayStart(first, offset), to: dayStart(last + 1, offset) });
      const firstBlock = Math.floor(first / BLOCK_DAYS);
      const lastBlock = Math.floor(last / BLOCK_DAYS);
      removeBlocks.run(offset, firstBlock, lastBlock);
      insertBlocks.run({ offset, fromBlock: firstBlock, toBlock: lastBlock + 1 });
    }
  }
}
