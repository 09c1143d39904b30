import type { EventName, EventPayload, UsageRow, UsageSummary } from '../../main/contract';
import { openDatabase } from '../../main/db/database';
import { migrations } from '../../main/db/migrations';
import type { CallContext } from '../../main/ipc/handlers';
import { TTFT_BUCKETS, histogramQuantile, ttftBucket } from '../../main/usage/histogram';
import type { UsageRecord } from '../../main/usage/ledger';
import { UsageLedger } from '../../main/usage/ledger';
import { usageHandlers } from '../../main/usage/handlers';
import { sumMoney } from '../../main/usage/money';

export const DAY = 86_400_000;
export const ctx: CallContext = { senderId: 1 };

export interface Broadcast {
  event: EventName;
  payload: unknown;
}

/** A fresh in-memory database with the ledger and its handlers, and a record of broadcasts. */
export function setup(now: () => number = () => Date.UTC(2025, 5, 1)) {
  const { db } = openDatabase(':memory:', migrations);
  const broadcasts: Broadcast[] = [];
  const events = {
    broadcast<E extends EventName>(event: E, payload: EventPayload<E>) {
      broadcasts.push({ event, payload });
    },
  };
  let counter = 0;
  const ledger = new UsageLedger(db, {
    events,
    now,
    newId: () => `id-${String(++counter).padStart(6, '0')}`,
  });
  const handlers = usageHandlers({ db, ledger, events, now });
  return { db, ledger, handlers, broadcasts };
}

export function record(overrides: Partial<UsageRecord> = {}): UsageRecord {
  return {
    at: Date.UTC(2025, 4, 20, 12),
    providerId: 'prov-a',
    providerName: 'Provider A',
    model: 'model-x',
    confidential: false,
    threadId: 'thread-1',
    messageId: 'message-1',
    retryOf: null,
    attempt: 1,
    promptTokens: 100,
    completionTokens: 50,
    reasoningTokens: null,
    totalTokens: 150,
    tokensReported: true,
    creditsConsumed: null,
    creditsRemaining: null,
    ttftMs: 300,
    durationMs: 1300,
    tokensPerSecond: null,
    status: 'complete',
    errorCode: null,
    ...overrides,
  };
}

export interface Query {
  from: number;
  to: number;
  tzOffsetMinutes: number;
  tzTransitions?: { at: number; offsetMinutes: number }[];
  providerId?: string;
  model?: string;
  confidential?: boolean;
  status?: UsageRow['status'];
  threadId?: string;
}

const matches = (row: UsageRow, q: Query): boolean =>
  row.at >= q.from &&
  row.at < q.to &&
  (q.providerId === undefined || row.providerId === q.providerId) &&
  (q.model === undefined || row.model === q.model) &&
  (q.confidential === undefined || row.confidential === q.confidential) &&
  (q.status === undefined || row.status === q.status) &&
  (q.threadId === undefined || row.threadId === q.threadId);

const sumOf = (rows: UsageRow[]) => ({
  requests: rows.length,
  promptTokens: rows.reduce((s, r) => s + r.promptTokens, 0),
  completionTokens: rows.reduce((s, r) => s + r.completionTokens, 0),
  totalTokens: rows.reduce((s, r) => s + r.totalTokens, 0),
  // Under the one rounding rule of main/usage/money.ts, as the dashboard must be.
  credits: sumMoney(rows.map((r) => r.creditsConsumed ?? 0)),
  cost: sumMoney(rows.map((r) => r.cost ?? 0)),
});

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** The dashboard's figures computed the plain way, row by row, for comparison with the rollup. */
export function naiveSummary(all: UsageRow[], q: Query): UsageSummary {
  const rows = all.filter((r) => matches(r, q));
  // The offset in force at each instant: the query's, then each transition's from its instant on.
  const offsetAt = (at: number) =>
    [...(q.tzTransitions ?? [])]
      .sort((a, b) => a.at - b.at)
      .reduce((offset, t) => (t.at <= at ? t.offsetMinutes : offset), q.tzOffsetMinutes);
  const dayOf = (at: number) => Math.floor((at + offsetAt(at) * 60_000) / DAY);
  const daily = [...groupBy(rows, (r) => `${dayOf(r.at)}\u0000${r.model}`).values()].map((group) => {
    const first = group[0] as UsageRow;
    const s = sumOf(group);
    return {
      day: new Date(dayOf(first.at) * DAY).toISOString().slice(0, 10),
      model: first.model,
      tokens: s.totalTokens,
      cost: s.cost,
      credits: s.credits,
      requests: s.requests,
    };
  });
  const latency = [...groupBy(rows, (r) => r.model).entries()].map(([model, group]) => {
    const histogram = new Array<number>(TTFT_BUCKETS).fill(0);
    let count = 0;
    for (const r of group) {
      const bucket = ttftBucket(r.ttftMs);
      if (bucket === null) continue;
      histogram[bucket] = (histogram[bucket] ?? 0) + 1;
      count++;
    }
    return {
      model,
      p50: histogramQuantile(histogram, 0.5),
      p95: histogramQuantile(histogram, 0.95),
      requests: count,
    };
  });
  const breakdown = [
    ...groupBy(rows, (r) => [r.providerId, r.providerName, r.model, r.confidential].join('\u0000')).values(),
  ].map((group) => {
    const first = group[0] as UsageRow;
    return {
      ...sumOf(group),
      providerId: first.providerId,
      providerName: first.providerName,
      model: first.model,
      confidential: first.confidential,
      // These tests price in USD only; test/projects/currencies.test.ts mixes currencies.
      costs: [{ currency: 'USD', cost: sumOf(group).cost }],
    };
  });
  const balanceRows = all.filter(
    (r) =>
      r.creditsRemaining !== null &&
      r.at < q.to &&
      (q.providerId === undefined || r.providerId === q.providerId),
  );
  const balances = [...groupBy(balanceRows, (r) => String(r.providerId)).values()].map((group) => {
    const latest = group.reduce((a, b) => (b.at >= a.at ? b : a));
    return {
      providerId: latest.providerId,
      providerName: latest.providerName,
      creditsRemaining: latest.creditsRemaining ?? 0,
      at: latest.at,
    };
  });
  return {
    totals: sumOf(rows),
    costs: [{ currency: 'USD', cost: sumOf(rows).cost }],
    daily,
    byStatus: (['complete', 'interrupted', 'error', 'aborted'] as const).map((status) => ({
      status,
      requests: rows.filter((r) => r.status === status).length,
    })),
    latency,
    breakdown,
    balances,
  };
}

/** Sorts every list by all of its fields, so two summaries compare regardless of tie order. */
export function canonical(summary: UsageSummary): UsageSummary {
  const byJson = <T>(items: T[]): T[] =>
    [...items].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const rounded = <T>(value: T): T =>
    JSON.parse(
      JSON.stringify(value, (key, v: unknown) =>
        // Money and credits compare exactly: both sides follow main/usage/money.ts's rule.
        typeof v === 'number' && !Number.isInteger(v) && key !== 'cost' && key !== 'credits'
          ? Number(v.toPrecision(10))
          : v,
      ),
    ) as T;
  return rounded({
    totals: summary.totals,
    costs: summary.costs,
    daily: byJson(summary.daily),
    byStatus: summary.byStatus,
    latency: byJson(summary.latency),
    breakdown: byJson(summary.breakdown.map((b) => ({ ...b }))),
    balances: byJson(summary.balances),
  });
}

/** A strict RFC 4180 reader: quoted fields, doubled quotes, CRLF records; throws on malformed input. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
        if (i < text.length && text[i] !== ',' && text[i] !== '\r')
          throw new Error(`text after closing quote at ${i}`);
      } else {
        field += c;
        i++;
      }
    } else if (c === '"') {
      if (field !== '') throw new Error(`quote inside unquoted field at ${i}`);
      quoted = true;
      i++;
    } else if (c === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (c === '\n' || c === '\r') {
      throw new Error(`bare line break at ${i}`);
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quote');
  if (field !== '' || record.length > 0) throw new Error('last record lacks CRLF');
  return records;
}
