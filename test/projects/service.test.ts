import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppFailure } from '../../main/contract';
import { projectHandlers } from '../../main/projects/handlers';
import { ProjectsService } from '../../main/projects/service';
import { DAY, ctx, record, setup } from '../usage/support';

function withProjects() {
  const base = setup();
  let n = 0;
  let filingChanges = 0;
  const service = new ProjectsService(base.db, {
    now: () => 1000,
    newId: () => `p${++n}`,
    onFilingChange: () => filingChanges++,
  });
  for (const id of ['t1', 't2', 't3', 't4'])
    base.db
      .prepare('INSERT INTO threads (id, title, created_at, last_activity_at) VALUES (?, ?, 0, 0)')
      .run(id, id);
  return { ...base, service, projects: projectHandlers(service), filingChanges: () => filingChanges };
}

const failureOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (isAppFailure(error)) return error.error.message;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('projects and tags of threads', () => {
  it('files threads into a project, lists them, and keeps them when the project is deleted', () => {
    const { service, filingChanges } = withProjects();
    const work = service.save({ name: 'Work' });
    expect(failureOf(() => service.save({ name: 'work' }))).toBe('There is already a project named "work".');
    expect(service.move(['t1', 't2'], work.id)).toEqual({ moved: 2 });
    expect(service.move(['t1'], work.id)).toEqual({ moved: 0 });
    expect(filingChanges()).toBe(1);
    expect(service.state().filings).toEqual([
      { threadId: 't1', projectId: work.id, tags: [] },
      { threadId: 't2', projectId: work.id, tags: [] },
    ]);
    expect(service.delete(work.id)).toEqual({ deleted: true, threads: 2 });
    expect(service.state()).toEqual({ projects: [], filings: [] });
  });

  it('moves nothing when one of the threads is gone, and refuses an unknown project', () => {
    const { service } = withProjects();
    const work = service.save({ name: 'Work' });
    expect(failureOf(() => service.move(['t1', 'gone'], work.id))).toMatch(
      /no longer exists; nothing was moved/,
    );
    expect(service.state().filings).toEqual([]);
    expect(failureOf(() => service.move(['t1'], 'nope'))).toBe('That project no longer exists.');
  });

  it('keeps one spelling per tag, whatever the case it is typed in', async () => {
    const { projects } = withProjects();
    await projects['projects:setTags']({ threadId: 't1', tags: ['Eval', 'eval', '  big   model '] }, ctx);
    const second = await projects['projects:setTags']({ threadId: 't2', tags: ['EVAL'] }, ctx);
    expect(second.tags).toEqual(['Eval']);
    const state = await projects['projects:list']({}, ctx);
    expect(state.filings).toEqual([
      { threadId: 't1', projectId: null, tags: ['Eval', 'big model'] },
      { threadId: 't2', projectId: null, tags: ['Eval'] },
    ]);
  });
});

describe('usage by project and tag', () => {
  const BASE = Date.UTC(2025, 2, 10);
  const THREADS = ['t1', 't2', 't3', 't4', null] as const;
  it('totals filtered by project or tag equal a plain sum over the matching rows', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            at: fc.integer({ min: BASE, max: BASE + 40 * DAY }),
            thread: fc.constantFrom(...THREADS),
            tokens: fc.integer({ min: 0, max: 1000 }),
            credits: fc.option(fc.integer({ min: 0, max: 100 })),
          }),
          { maxLength: 40 },
        ),
        fc.array(fc.constantFrom('p1', 'p2', null), { minLength: 4, maxLength: 4 }),
        fc.array(fc.subarray(['a', 'b']), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 1, max: 40 }),
        async (rows, projectOf, tagsOf, fromDay, days) => {
          const { service, ledger, handlers } = withProjects();
          service.save({ name: 'one' });
          service.save({ name: 'two' });
          const threads = ['t1', 't2', 't3', 't4'];
          threads.forEach((t, i) => {
            const project = projectOf[i] ?? null;
            if (project !== null) service.move([t], project);
            service.setTags(t, tagsOf[i] ?? []);
          });
          for (const row of rows)
            ledger.record(
              record({
                at: row.at,
                threadId: row.thread,
                promptTokens: row.tokens,
                completionTokens: 0,
                totalTokens: row.tokens,
                creditsConsumed: row.credits,
              }),
            );
          const from = BASE + fromDay * DAY + 3_600_000;
          const to = from + days * DAY;
          const plain = (keep: (i: number) => boolean) => {
            const hits = rows.filter((r) => {
              const i = r.thread === null ? -1 : threads.indexOf(r.thread);
              return r.at >= from && r.at < to && i >= 0 && keep(i);
            });
            return {
              requests: hits.length,
              tokens: hits.reduce((s, r) => s + r.tokens, 0),
              credits: hits.reduce((s, r) => s + (r.credits ?? 0), 0),
            };
          };
          for (const [filter, keep] of [
            [{ projectId: 'p1' }, (i: number) => projectOf[i] === 'p1'],
            [{ projectId: 'p2' }, (i: number) => projectOf[i] === 'p2'],
            [{ tag: 'a' }, (i: number) => (tagsOf[i] ?? []).includes('a')],
            [
              { projectId: 'p1', tag: 'b' },
              (i: number) => projectOf[i] === 'p1' && (tagsOf[i] ?? []).includes('b'),
            ],
          ] as const) {
            const summary = await handlers['usage:summary']({ from, to, tzOffsetMinutes: 0, ...filter }, ctx);
            const want = plain(keep);
            expect({
              requests: summary.totals.requests,
              tokens: summary.totals.totalTokens,
              credits: summary.totals.credits,
            }).toEqual(want);
            const page = await handlers['usage:rows']({ from, to, offset: 0, limit: 100, ...filter }, ctx);
            expect(page.total).toBe(want.requests);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
