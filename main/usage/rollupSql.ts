import { histogramColumns } from './histogram';

/**
 * SQL shared by the 004-usage triggers and the runtime rebuilds, so the two can never disagree
 * about what a rollup cell holds. Changing an expression here changes the schema: do it through a
 * new migration.
 *
 * Two levels per time zone: `usage_daily` (one cell per local day) and `usage_blocks` (one cell
 * per 32-day block of local days), so an all-time range reads a few hundred block cells plus the
 * days of the partial blocks at its edges.
 */

const DAY_MS = 86_400_000;
export const BLOCK_DAYS = 32;

/** Floor-divides a timestamp, shifted into the zone, into days or blocks. */
const bucketSql = (at: string, offsetMinutes: string, sizeMs: number): string =>
  `CAST(floor((${at} + ${offsetMinutes} * 60000) / ${sizeMs}.0) AS INTEGER)`;

/** The local day number (days since 1970-01-01 in the zone) of a timestamp. */
export const daySql = (at: string, offsetMinutes: string): string => bucketSql(at, offsetMinutes, DAY_MS);

export interface Level {
  table: 'usage_daily' | 'usage_blocks';
  bucket: 'day' | 'block';
  sizeMs: number;
}

export const DAY_LEVEL: Level = { table: 'usage_daily', bucket: 'day', sizeMs: DAY_MS };
export const BLOCK_LEVEL: Level = { table: 'usage_blocks', bucket: 'block', sizeMs: DAY_MS * BLOCK_DAYS };
const LEVELS = [DAY_LEVEL, BLOCK_LEVEL] as const;

/** The key columns of a level's cells; the bucket last, so grouping by the others reads in key order. */
export const keyColumns = (level: Level): string[] => [
  'offset_minutes',
  'provider_key',
  'provider_name',
  'model',
  'confidential',
  'status',
  level.bucket,
];

export const ROLLUP_MEASURES: readonly string[] = [
  'requests',
  'prompt_tokens',
  'completion_tokens',
  'total_tokens',
  'cost',
  'credits',
  'ttft_count',
  ...histogramColumns,
];

/** Adds a conflicting insert's measures to the cell's (the upserts' ON CONFLICT clause). */
export const ADD_EXCLUDED = ROLLUP_MEASURES.map((m) => `${m} = ${m} + excluded.${m}`).join(', ');

/** Each measure's value for one raw row `r` (a table alias, `new` or `old`). */
export function measureSql(r: string): string[] {
  return [
    '1',
    `${r}.prompt_tokens`,
    `${r}.completion_tokens`,
    `${r}.total_tokens`,
    `coalesce(${r}.cost, 0)`,
    `coalesce(${r}.credits_consumed, 0)`,
    `(${r}.ttft_bucket IS NOT NULL)`,
    ...histogramColumns.map((_, i) => `(${r}.ttft_bucket IS ${i})`),
  ];
}

/** Each measure's value for raw row `r`, negated to remove the row (sign -1). */
export const signedMeasureSql = (r: string, sign: 1 | -1): string[] =>
  measureSql(r).map((value) => (sign === 1 ? value : `-(${value})`));

/** The key of the cell a raw row `r` falls in, for the zone `offset` (an SQL expression). */
export function keySql(r: string, offset: string, level: Level): string[] {
  return [
    offset,
    `coalesce(${r}.provider_id, '')`,
    `${r}.provider_name`,
    `${r}.model`,
    `${r}.confidential`,
    `${r}.status`,
    bucketSql(`${r}.at`, offset, level.sizeMs),
  ];
}

/**
 * A table of rollup cells keyed by `keys` (the zone, `confidential` and the `bucket` column are
 * integers, the other keys text), then the measures. Used by the migrations only.
 */
export function cellTableSql(table: string, keys: readonly string[], bucket: string): string {
  const measures = ROLLUP_MEASURES.map(
    (m) => `${m} ${m === 'cost' || m === 'credits' ? 'REAL' : 'INTEGER'} NOT NULL`,
  );
  const keyDefs = keys.map(
    (k) =>
      `${k} ${k === 'offset_minutes' || k === 'confidential' || k === bucket ? 'INTEGER' : 'TEXT'} NOT NULL`,
  );
  return `CREATE TABLE ${table} (${[...keyDefs, ...measures].join(', ')}, PRIMARY KEY (${keys.join(', ')})) WITHOUT ROWID;`;
}

/** The table definition of a level (used once, by the migration). */
export const createLevelSql = (level: Level): string =>
  cellTableSql(level.table, keyColumns(level), level.bucket);

/** Adds (sign 1) or removes (sign -1) the row `r` in every registered zone's cells, at both levels. */
export function applyRowSql(r: 'new' | 'old', sign: 1 | -1): string {
  const values = signedMeasureSql(r, sign);
  return LEVELS.map((level) => {
    const keys = keyColumns(level);
    const upsert = `INSERT INTO ${level.table} (${[...keys, ...ROLLUP_MEASURES].join(', ')})
      SELECT ${[...keySql(r, 'z.offset_minutes', level), ...values].join(', ')} FROM usage_rollup_zones z WHERE true
      ON CONFLICT DO UPDATE SET ${ADD_EXCLUDED};`;
    if (sign === 1) return upsert;
    // A cell whose last request went is removed, so "no rows" and "zero rows" never differ.
    const prune = `DELETE FROM ${level.table} WHERE requests <= 0 AND (${keys.join(', ')}) IN
      (SELECT ${keySql(r, 'z.offset_minutes', level).join(', ')} FROM usage_rollup_zones z);`;
    return `${upsert}\n${prune}`;
  }).join('\n');
}

const allColumns = (level: Level): string => [...keyColumns(level), ...ROLLUP_MEASURES].join(', ');

/** Recomputes one zone's day cells from the raw rows in [:from, :to). Parameters: offset, from, to. */
export const rebuildDaysSql = `INSERT INTO usage_daily (${allColumns(DAY_LEVEL)})
  SELECT ${[...keySql('u', ':offset', DAY_LEVEL), ...measureSql('u').map((m) => `SUM(${m})`)].join(', ')}
  FROM usage u WHERE u.at >= :from AND u.at < :to
  GROUP BY 2, 3, 4, 5, 6, 7`;

/** Recomputes one zone's block cells from its day cells in blocks [:fromBlock, :toBlock). */
export const rebuildBlocksSql = `INSERT INTO usage_blocks (${allColumns(BLOCK_LEVEL)})
  SELECT offset_minutes, provider_key, provider_name, model, confidential, status,
    CAST(floor(day / ${BLOCK_DAYS}.0) AS INTEGER), ${ROLLUP_MEASURES.map((m) => `SUM(${m})`).join(', ')}
  FROM usage_daily WHERE offset_minutes = :offset AND day >= :fromBlock * ${BLOCK_DAYS} AND day < :toBlock * ${BLOCK_DAYS}
  GROUP BY 2, 3, 4, 5, 6, 7`;
