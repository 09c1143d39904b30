import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import type { UsageFilter } from '../contract';
import { TTFT_BUCKETS } from './histogram';
import { dayOf, dayStart } from './rollup';
import { BLOCK_DAYS, BLOCK_LEVEL, DAY_LEVEL, ROLLUP_MEASURES, daySql, measureSql } from './rollupSql';
import { dimensionWhere, rawWhere, threadScoped } from './rows';
import type { Scope } from './scopeRollup';

/** One group of requests (provider, model, confidential, status) with its sums. */
export interface Cell {
  providerKey: string;
  providerName: string;
  model: string;
  confidential: boolean;
  status: string;
  requests: number;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  cost: number;
  credits: number;
  ttftCount: number;
  histogram: number[];
}

/** Requests, tokens, cost and credits of one model on one local day. */
export interface DayCell {
  day: number;
  model: string;
  requests: number;
  tokens: number;
  cost: number;
  credits: number;
}

/**
 * A part of a query range: whole 32-day blocks or whole local days from the zone's rollup, or raw
 * rows through an index.
 */
export type Segment =
  | { kind: 'blocks'; offset: number; from: number; to: number }
  /** `scope`: the days of one project's or tag's cells (scopeSql.ts) rather than of everything. */
  | { kind: 'days'; offset: number; from: number; to: number; scope?: Scope }
  /** `offset`: the zone offset that dates these rows' days, when it is not the query's. */
  | { kind: 'raw'; from: number; to: number; offset?: number };

/** A stretch of a range over which the user's zone keeps one offset. */
export interface ZonePiece {
  from: number;
  to: number;
  offset: number;
}

/**
 * Cuts [from, to) where the zone's offset changes (daylight saving): `offset` holds at `from`,
 * each transition's offset from its instant on.
 */
export function zonePieces(
  from: number,
  to: number,
  offset: number,
  transitions: readonly { at: number; offsetMinutes: number }[],
): ZonePiece[] {
  const pieces: ZonePiece[] = [];
  let start = from;
  let current = offset;
  for (const t of [...transitions].sort((a, b) => a.at - b.at)) {
    if (t.at >= to) break;
    if (t.at > start) {
      pieces.push({ from: start, to: t.at, offset: current });
      start = t.at;
    }
    current = Math.trunc(t.offsetMinutes);
  }
  if (to > start) pieces.push({ from: start, to, offset: current });
  return pieces;
}

/**
 * Splits [from, to) into whole blocks (when `blocks`), whole local days, and the partial days at
 * either edge (raw rows). A thread filter, or no rollup zone, means raw rows only; a project or tag
 * filter too, unless the caller built that `scope`'s cells for the zone (days only, no blocks).
 */
export function planSegments(
  filter: UsageFilter,
  offset: number | null,
  blocks = true,
  scope: Scope | null = null,
): Segment[] {
  const { from, to } = filter;
  if (to <= from) return [];
  if (offset === null || (threadScoped(filter) && scope === null)) return [{ kind: 'raw', from, to }];
  if (scope !== null)
    return planSegments({ from, to }, offset, false).map((segment) =>
      segment.kind === 'days' ? { ...segment, scope } : segment,
    );
  const firstDay = dayOf(from - 1, offset) + 1;
  const endDay = dayOf(to, offset);
  if (firstDay >= endDay) return [{ kind: 'raw', from, to }];
  const segments: Segment[] = [];
  const wholeStart = dayStart(firstDay, offset);
  const wholeEnd = dayStart(endDay, offset);
  if (from < wholeStart) segments.push({ kind: 'raw', from, to: wholeStart });
  const firstBlock = Math.ceil(firstDay / BLOCK_DAYS);
  const endBlock = Math.floor(endDay / BLOCK_DAYS);
  if (blocks && firstBlock < endBlock) {
    if (firstDay < firstBlock * BLOCK_DAYS)
      segments.push({ kind: 'days', offset, from: firstDay, to: firstBlock * BLOCK_DAYS });
    segments.push({ kind: 'blocks', offset, from: firstBlock, to: endBlock });
    if (endBlock * BLOCK_DAYS < endDay)
      segments.push({ kind: 'days', offset, from: endBlock * BLOCK_DAYS, to: endDay });
  } else {
    segments.push({ kind: 'days', offset, from: firstDay, to: endDay });
  }
  if (wholeEnd < to) segments.push({ kind: 'raw', from: wholeEnd, to });
  return segments;
}

const DAY_MS = 86_400_000;
const GROUP = 'provider_key, provider_name, model, confidential, status';
const SUMS = ROLLUP_MEASURES.map((m) => `SUM(${m}) AS ${m}`).join(', ');
const RAW_SUMS = measureSql('usage')
  .map((expression, i) => `SUM(${expression}) AS ${ROLLUP_MEASURES[i] ?? ''}`)
  .join(', ');

/** A grouped row: key columns are text or 0/1, measures numbers. */
type GroupRow = Record<string, string | number | null>;

/** Reads cells and day cells for segments, caching one prepared statement per query shape. */
export class CellReader {
  private readonly statements = new Map<string, StatementSync>();

  constructor(private readonly db: DatabaseSync) {}

  private prepare(sql: string): StatementSync {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private where(
    segment: Segment,
    filter: UsageFilter,
  ): { sql: string; params: SQLInputValue[]; table: string; from: string } {
    if (segment.kind === 'raw') {
      const where = rawWhere(filter, segment.from, segment.to);
      // A project's or tag's edge days go through the time index: through the thread index SQLite
      // seeks once per thread of the project or tag (5,000 seeks for a tag on a quarter of 20,000
      // threads, 100 ms), where a day's rows are about a thousand.
      const edge =
        filter.threadId === undefined &&
        (filter.projectId !== undefined || filter.tag !== undefined) &&
        segment.to - segment.from <= 2 * DAY_MS;
      return { table: 'usage', from: edge ? 'usage INDEXED BY usage_at' : 'usage', ...where };
    }
    const dims = dimensionWhere(filter, 'provider_key');
    if (segment.kind === 'days' && segment.scope)
      return {
        table: 'usage_scope_daily',
        from: 'usage_scope_daily',
        sql: `scope_kind = ? AND scope = ? AND offset_minutes = ? AND day >= ? AND day < ?${dims.sql}`,
        params: [
          segment.scope.kind,
          segment.scope.value,
          segment.offset,
          segment.from,
          segment.to,
          ...dims.params,
        ],
      };
    const level = segment.kind === 'days' ? DAY_LEVEL : BLOCK_LEVEL;
    return {
      table: level.table,
      from: level.table,
      sql: `offset_minutes = ? AND ${level.bucket} >= ? AND ${level.bucket} < ?${dims.sql}`,
      params: [segment.offset, segment.from, segment.to, ...dims.params],
    };
  }

  cells(segments: Segment[], filter: UsageFilter): Cell[] {
    const merged = new Map<string, Cell>();
    for (const segment of segments) {
      const { sql, params, table, from } = this.where(segment, filter);
      const select =
        table === 'usage'
          ? `SELECT coalesce(provider_id, '') AS provider_key, provider_name, model, confidential, status, ${RAW_SUMS}`
          : `SELECT ${GROUP}, ${SUMS}`;
      const rows = this.prepare(`${select} FROM ${from} WHERE ${sql} GROUP BY ${GROUP}`).all(
        ...params,
      ) as GroupRow[];
      for (const row of rows) addCell(merged, row);
    }
    return [...merged.values()];
  }

  count(segments: Segment[], filter: UsageFilter): number {
    let total = 0;
    for (const segment of segments) {
      const { sql, params, table, from } = this.where(segment, filter);
      const select = table === 'usage' ? 'COUNT(*)' : 'coalesce(SUM(requests), 0)';
      const row = this.prepare(`SELECT ${select} AS n FROM ${from} WHERE ${sql}`).get(...params) as {
        n: number;
      };
      total += row.n;
    }
    return total;
  }

  days(segments: Segment[], filter: UsageFilter, offset: number): DayCell[] {
    const merged = new Map<string, DayCell>();
    for (const segment of segments) {
      const { sql, params, table, from } = this.where(segment, filter);
      const select =
        table === 'usage'
          ? `SELECT ${daySql('at', String(Math.trunc(segment.kind === 'raw' ? (segment.offset ?? offset) : offset)))} AS day, model, COUNT(*), SUM(total_tokens),
               SUM(coalesce(cost, 0)), SUM(coalesce(credits_consumed, 0))`
          : 'SELECT day, model, SUM(requests), SUM(total_tokens), SUM(cost), SUM(credits)';
      const statement = this.prepare(`${select} FROM ${from} WHERE ${sql} GROUP BY day, model`);
      // Thousands of rows for long ranges: arrays skip building an object per row.
      statement.setReturnArrays(true);
      const rows = statement.all(...params) as unknown as [number, string, number, number, number, number][];
      for (const [day, model, requests, tokens, cost, credits] of rows) {
        const key = `${day}\u0000${model}`;
        const known = merged.get(key);
        if (!known) merged.set(key, { day, model, requests, tokens, cost, credits });
        else {
          known.requests += requests;
          known.tokens += tokens;
          known.cost += cost;
          known.credits += credits;
        }
      }
    }
    return [...merged.values()];
  }
}

function addCell(merged: Map<string, Cell>, row: GroupRow): void {
  const text = (key: string): string => String(row[key] ?? '');
  const number = (key: string): number => Number(row[key] ?? 0);
  const key = [
    text('provider_key'),
    text('provider_name'),
    text('model'),
    number('confidential'),
    text('status'),
  ].join('\u0000');
  let cell = merged.get(key);
  if (!cell) {
    cell = {
      providerKey: text('provider_key'),
      providerName: text('provider_name'),
      model: text('model'),
      confidential: number('confidential') === 1,
      status: text('status'),
      requests: 0,
      promptTokens: 0,
      completionTokens: 0,
      totalTokens: 0,
      cost: 0,
      credits: 0,
      ttftCount: 0,
      histogram: new Array<number>(TTFT_BUCKETS).fill(0),
    };
    merged.set(key, cell);
  }
  cell.requests += number('requests');
  cell.promptTokens += number('prompt_tokens');
  cell.completionTokens += number('completion_tokens');
  cell.totalTokens += number('total_tokens');
  cell.cost += number('cost');
  cell.credits += number('credits');
  cell.ttftCount += number('ttft_count');
  for (let i = 0; i < TTFT_BUCKETS; i++) cell.histogram[i] = (cell.histogram[i] ?? 0) + number(`h${i}`);
}
