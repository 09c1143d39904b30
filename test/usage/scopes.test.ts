import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { UsageRow, UsageSummary } from '../../main/contract';
import { ProjectsService } from '../../main/projects/service';
import type { UsageDbRow } from '../../main/usage/rows';
import { ROW_COLUMNS, toUsageRow } from '../../main/usage/rows';
import { UsageSummaries } from '../../main/usage/summary';
import { recordingDatabase, wideRawReads } from './readPlan';
import { DAY, canonical, naiveSummary, record, setup } from './support';

/**
 * Usage filtered by one project or one tag comes from that scope's own rollup cells (migration
 * 018), kept in step by triggers while threads move, tags change, threads are purged and rows are
 * recorded or cleared. The oracle is the test's own model of which thread is where.
 */
const BASE = Date.UTC(2025, 2, 10);
const THREADS = ['t1', 't2', 't3'] as const;
const PROJECTS = ['p1', 'p2'] as const;
const TAGS = ['red', 'blue'] as const;

type Op =
  | {
      op: 'record';
      thread: string | null;
      day: number;
      hour: number;
      model: string;
      status: UsageRow['status'];
      cost: number | null;
    }
  | { op: 'move'; thread: string; project: string | null }
  | { op: 'tags'; thread: string; tags: string[] }
  | { op: 'purge'; thread: string }
  | { op: 'clear'; fromDay: number; days: number }
  | { op: 'look'; kind: 'project' | 'tag'; value: string; offset: number; fromDay: number; days: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('record' as const),
      thread: fc.constantFrom(null, ...THREADS, 'never-a-thread'),
      day: fc.integer({ min: 0, max: 80 }),
      hour: fc.integer({ min: 0, max: 23 }),
      model: fc.constantFrom('gpt-x', 'tiny'),
      status: fc.constantFrom('complete', 'error') as fc.Arbitrary<UsageRow['status']>,
      cost: fc.option(
        fc.integer({ min: 1, max: 1e6 }).map((n) => n / 1e5),
        { nil: null },
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('move' as const),
      thread: fc.constantFrom(...THREADS),
      project: fc.constantFrom(null, ...PROJECTS),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('tags' as const),
      thread: fc.constantFrom(...THREADS),
      tags: fc.subarray([...TAGS]),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('purge' as const), thread: fc.constantFrom(...THREADS) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('clear' as const),
      fromDay: fc.integer({ min: 0, max: 80 }),
      days: fc.integer({ min: 1, max: 10 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({
        op: fc.constant('look' as const),
        scope: fc.oneof(
          fc.record({ kind: fc.constant('project' as const), value: fc.constantFrom(...PROJECTS) }),
          fc.record({ kind: fc.constant('tag' as const), value: fc.constantFrom(...TAGS) }),
        ),
        offset: fc.constantFrom(60, -300),
        // Mostly the whole ledger, so a wrong cell anywhere shows.
        fromDay: fc.oneof(fc.constant(-1), fc.integer({ min: -2, max: 60 })),
        days: fc.oneof(fc.constant(100), fc.integer({ min: 1, max: 100 })),
      })
      .map(({ scope, ...rest }) => ({ ...rest, ...scope })),
  },
);

const withoutBalances = (s: UsageSummary): UsageSummary => canonical({ ...s, balances: [] });

function run(ops: Op[]): void {
  const { db, ledger, handlers } = setup(() => BASE);
  void handlers;
  const projects = new ProjectsService(db, { now: () => BASE });
  for (const id of PROJECTS)
    db.prepare('INSERT INTO projects (id, name, created_at) VALUES (?, ?, 0)').run(id, id);
  const model = new Map<string, { project: string | null; exists: boolean }>();
  const tagsOf = new Map<string, string[]>();
  const insertThread = db.prepare(
    "INSERT INTO threads (id, title, created_at, last_activity_at) VALUES (?, '', 0, 0)",
  );
  for (const id of THREADS) {
    insertThread.run(id);
    model.set(id, { project: null, exists: true });
  }
  const price = { promptTokens: 100, completionTokens: 50, totalTokens: 150 };
  for (const o of ops) {
    if (o.op === 'record') {
      ledger.record(
        record({
          ...price,
          at: BASE + o.day * DAY + o.hour * 3_600_000,
          threadId: o.thread,
          model: o.model,
          status: o.status,
          cost: o.cost,
        }),
      );
    } else if (o.op === 'move') {
      if (!model.get(o.thread)?.exists) continue;
      projects.move([o.thread], o.project);
      model.set(o.thread, { project: o.project, exists: true });
    } else if (o.op === 'tags') {
      if (!model.get(o.thread)?.exists) continue;
      projects.setTags(o.thread, o.tags);
      tagsOf.set(o.thread, [...o.tags]);
    } else if (o.op === 'purge') {
      // Purging from the trash deletes the thread row; its usage rows stay (and its tags, as
      // nothing removes them), so it leaves its project's usage but not its tags'.
      db.prepare('DELETE FROM threads WHERE id = ?').run(o.thread);
      model.set(o.thread, { project: null, exists: false });
    } else if (o.op === 'clear') {
      const from = BASE + o.fromDay * DAY;
      const to = from + o.days * DAY;
      ledger.rollup.bulkChange(from, to, () =>
        db.prepare('DELETE FROM usage WHERE at >= ? AND at < ?').run(from, to),
      );
    } else {
      const q = {
        from: BASE + o.fromDay * DAY + 7_200_000,
        to: BASE + (o.fromDay + o.days) * DAY,
        tzOffsetMinutes: o.offset,
      };
      const filter = o.kind === 'project' ? { projectId: o.value } : { tag: o.value };
      const got = ledger.summaries.summary({ ...q, ...filter });
      const all = (db.prepare(`SELECT ${ROW_COLUMNS} FROM usage`).all() as unknown as UsageDbRow[]).map(
        toUsageRow,
      );
      const inScope = all.filter((r) =>
        r.threadId === null
          ? false
          : o.kind === 'project'
            ? model.get(r.threadId)?.exists === true && model.get(r.threadId)?.project === o.value
            : (tagsOf.get(r.threadId) ?? []).includes(o.value),
      );
      expect(withoutBalances(got)).toEqual(withoutBalances(naiveSummary(inScope, q)));
    }
  }
}

describe('usage by project and by tag', () => {
  it('equals a plain recomputation while threads move, tags change, threads are purged and rows come and go', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 10, maxLength: 40, size: 'max' }), (ops) => run(ops)),
      { numRuns: 100 },
    );
  }, 120_000);

  it('reads its own rollup cells over a long range, not every raw row of the project', () => {
    const { db, ledger } = setup(() => BASE);
    db.prepare("INSERT INTO projects (id, name, created_at) VALUES ('p1', 'One', 0)").run();
    db.prepare(
      "INSERT INTO threads (id, title, created_at, last_activity_at, project_id) VALUES ('t1', '', 0, 0, 'p1')",
    ).run();
    db.prepare("INSERT INTO thread_tags (thread_id, tag) VALUES ('t1', 'red')").run();
    for (let day = 0; day < 120; day += 2)
      ledger.record(record({ at: BASE + day * DAY + 5 * 3_600_000, threadId: 't1', cost: 0.01 }));
    for (const filter of [{ projectId: 'p1' }, { tag: 'red' }]) {
      const q = { from: 0, to: BASE + 200 * DAY, tzOffsetMinutes: 60, ...filter };
      // The first look builds the scope's cells from its rows, once, as a zone is built.
      expect(ledger.summaries.summary(q).totals.requests).toBe(60);
      const recording = recordingDatabase(db);
      const summary = new UsageSummaries(recording.db, ledger.rollup).summary(q);
      expect(summary.totals.requests).toBe(60);
      expect(wideRawReads(db, recording.executed)).toEqual([]);
      expect(recording.executed.some((e) => /FROM usage_scope_daily/.test(e.sql))).toBe(true);
    }
  });
});
