import { afterEach, describe, expect, it } from 'vitest';
import { Check as CheckSchema } from '../../main/contract';
import type { CheckResult } from '../../main/contract';
import type { CellOutcome } from '../../main/experiments/checks';
import { runCheck } from '../../main/experiments/checks';
import { CheckRunner } from '../../main/experiments/checkRunner';

// The checks worker from source, as the bundled one runs in the app.
const SPEC = {
  url: new URL('../../main/experiments/checkWorker.ts', import.meta.url),
  execArgv: ['--import', 'tsx'],
};

const outcome = (answer: string): CellOutcome => ({
  answer,
  toolCalls: [{ name: 'weather', arguments: '{"city":"Paris"}' }],
  cost: 0.002,
  latencyMs: 850,
  tokens: 120,
});

/**
 * RE2 is linear in the answer, but its constant grows with the pattern: 200 alternatives over a
 * 200 KB answer take seconds in re2js (7 s on a quiet machine), far past any budget below.
 */
const COSTLY = Array.from({ length: 200 }, (_, i) => `a{${(i % 9) + 1}}x${i}`).join('|');
const LONG = `${'a'.repeat(200_000)}b`;

let runner: CheckRunner | null = null;
afterEach(async () => {
  await runner?.close();
  runner = null;
});

describe('checks off main’s thread, with a time limit', () => {
  it('a costly pattern fails with its reason while main’s event loop keeps turning, and the next check still runs', async () => {
    runner = new CheckRunner(SPEC, 1_500);
    const check = CheckSchema.parse({ type: 'regex', pattern: COSTLY });
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 10);
    const started = performance.now();
    const result = await runner.run(check, outcome(LONG), { responseFormat: null });
    clearInterval(timer);
    expect(result).toMatchObject({
      type: 'regex',
      pass: false,
      evidence: expect.stringMatching(/ran past its 1\.5 s limit and was stopped: the pattern is too costly/),
    });
    // Stopped at its limit, not after the seconds the pattern needs.
    expect(performance.now() - started).toBeLessThan(6_000);
    // Main was free the whole time: its 10 ms timer fired again and again while the check ran.
    expect(ticks).toBeGreaterThan(20);

    const next = await runner.run(CheckSchema.parse({ type: 'regex', pattern: 'b$' }), outcome(LONG), {
      responseFormat: null,
    });
    expect(next).toMatchObject({ pass: true, evidence: 'Matched “b”.' });
  }, 30_000);

  it('judges every kind of check as main’s thread would, a graded one staying on main', async () => {
    runner = new CheckRunner(SPEC, 10_000);
    const checks = [
      { type: 'contains', value: 'Paris' },
      { type: 'notContains', value: 'Paris' },
      { type: 'regex', pattern: '[A-Z]\\w+\\.$' },
      { type: 'regex', pattern: '(a)\\1' },
      { type: 'equals', value: 'The capital of France is Paris.' },
      { type: 'jsonSchema', schema: { type: 'object' } },
      { type: 'toolCalled', name: 'weather', argsEqual: { city: 'Paris' } },
      { type: 'costMax', max: 0.001 },
      { type: 'latencyMax', ms: 1000 },
      { type: 'tokensMax', max: 100 },
      { type: 'graded', rubric: 'Is it right?', providerId: 'p', model: 'm' },
    ].map((c) => CheckSchema.parse(c));
    const answer = outcome('The capital of France is Paris.');
    const grade = async () => ({ pass: true, reasoning: 'Right. PASS' });
    const inWorker: CheckResult[] = await Promise.all(
      checks.map((c) => (runner as CheckRunner).run(c, answer, { responseFormat: null, grade })),
    );
    const onMain = await Promise.all(checks.map((c) => runCheck(c, answer, { responseFormat: null, grade })));
    expect(inWorker).toEqual(onMain);
    expect(inWorker.map((r) => r.pass)).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
      true,
    ]);
  }, 30_000);

  it('the response schema a check reads travels with it to the worker', async () => {
    runner = new CheckRunner(SPEC, 10_000);
    const format = {
      type: 'json_schema' as const,
      json_schema: {
        name: 'answer',
        schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
      },
    };
    const check = CheckSchema.parse({ type: 'jsonSchema' });
    expect(await runner.run(check, outcome('{"city":"Paris"}'), { responseFormat: format })).toMatchObject({
      pass: true,
    });
    expect(await runner.run(check, outcome('{"town":"Paris"}'), { responseFormat: format })).toMatchObject({
      pass: false,
      evidence: expect.stringContaining('city'),
    });
  }, 30_000);
});
