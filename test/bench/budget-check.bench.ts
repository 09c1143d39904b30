// usage.budget_check_ms: deciding whether a send is within every budget, with 1M ledger rows.
// The check sits on the send path, so it reads running totals kept beside the ledger; the same
// decision by a plain recomputation from the ledger is measured beside it as the baseline.
import { BudgetBook } from '../../main/budgets/book';
import type { BudgetInput } from '../../main/contract';
import { UsageLedger } from '../../main/usage/ledger';
import type { BenchResult } from './types';
import { END, ledgerDatabase } from './usage-dashboard.bench';

const SENDS = 5_000;

const BUDGETS: BudgetInput[] = [
  { scope: { kind: 'overall' }, period: 'month', limit: 1e6, unit: 'USD' },
  { scope: { kind: 'overall' }, period: 'day', limit: 1e6, unit: 'credits', action: 'block' },
  { scope: { kind: 'provider', providerId: 'confidential' }, period: 'week', limit: 1e6, unit: 'credits' },
  {
    scope: { kind: 'model', model: 'gpt-4o-mini' },
    period: 'month',
    limit: 1e6,
    unit: 'USD',
    action: 'block',
  },
  { scope: { kind: 'project', projectId: 'bench' }, period: 'month', limit: 1e6, unit: 'USD' },
  { scope: { kind: 'tag', tag: 'bench' }, period: 'week', limit: 1e6, unit: 'USD' },
];

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

export async function run(): Promise<BenchResult[]> {
  const { db } = ledgerDatabase();
  // The bench runs in a copy's transaction, so the cached ledger is left as it was.
  db.exec('BEGIN');
  try {
    let now = END - 3_600_000;
    db.exec(`INSERT INTO threads (id, title, created_at, last_activity_at, project_id) VALUES ('t7', 't7', 0, 0, 'bench')
               ON CONFLICT (id) DO UPDATE SET project_id = 'bench';
             INSERT OR IGNORE INTO thread_tags (thread_id, tag) VALUES ('t7', 'bench')`);
    const book = new BudgetBook(db, { now: () => now });
    const target = { providerId: 'openai', model: 'gpt-4o-mini', projectId: 'bench', tags: ['bench'] };
    const ledger = new UsageLedger(db, {
      now: () => now,
      onRecorded: (row, currency) => book.recorded(row, currency, target),
    });
    for (const b of BUDGETS) book.save(b);

    const coldStart = performance.now();
    book.verdict(target);
    const cold = performance.now() - coldStart;

    const times: number[] = [];
    for (let i = 0; i < SENDS; i++) {
      now += 1_000;
      const started = performance.now();
      book.admit(target);
      times.push(performance.now() - started);
      ledger.record({
        at: now,
        providerId: 'openai',
        providerName: 'OpenAI',
        model: 'gpt-4o-mini',
        confidential: false,
        threadId: 't7',
        messageId: null,
        retryOf: null,
        attempt: 1,
        promptTokens: 100,
        completionTokens: 50,
        reasoningTokens: null,
        totalTokens: 150,
        tokensReported: true,
        creditsConsumed: null,
        creditsRemaining: null,
        cost: 0.0001,
        ttftMs: 200,
        durationMs: 800,
        tokensPerSecond: null,
        status: 'complete',
        errorCode: null,
      });
    }
    times.sort((a, b) => a - b);

    // The same decision read from the ledger on every send.
    const plain: number[] = [];
    const budgets = book.list();
    for (let i = 0; i < 50; i++) {
      const started = performance.now();
      for (const b of budgets) book.sum(b, END - 31 * 86_400_000, now + 1);
      plain.push(performance.now() - started);
    }
    plain.sort((a, b) => a - b);
    // The running totals equal the plain recomputation at the end.
    const drift = Math.max(
      ...book.statuses().map((s) => Math.abs(s.spent - book.sum(s.budget, s.start, s.end))),
    );

    const p99 = quantile(times, 0.99);
    return [
      {
        name: 'usage.budget_check_ms',
        value: Math.round(p99 * 1000) / 1000,
        unit: 'ms p99',
        target: '≤ 2 ms, 6 budgets, 1M rows',
        pass: p99 <= 2 && drift < 1e-6,
        baseline: { label: 'plain recomputation p50', value: Math.round(quantile(plain, 0.5) * 10) / 10 },
      },
      {
        name: 'usage.budget_check_ms.first_read',
        value: Math.round(cold * 10) / 10,
        unit: 'ms',
        target: 'info: once per period',
        pass: true,
      },
    ];
  } finally {
    db.exec('ROLLBACK');
    db.close();
  }
}
