import { describe, expect, it } from 'vitest';
import type { Check, CheckResult } from '../../main/contract';
import { Check as CheckSchema } from '../../main/contract';
import type { CellOutcome } from '../../main/experiments/checks';
import { readVerdict, runCheck } from '../../main/experiments/checks';

const outcome = (patch: Partial<CellOutcome> = {}): CellOutcome => ({
  answer: 'The capital of France is Paris.',
  toolCalls: [],
  cost: 0.002,
  latencyMs: 850,
  tokens: 120,
  ...patch,
});

async function verdict(
  check: Record<string, unknown>,
  patch: Partial<CellOutcome> = {},
): Promise<CheckResult> {
  return runCheck(CheckSchema.parse(check), outcome(patch), { responseFormat: null });
}

describe('checks', () => {
  it('contains / not contains, with the text around the match as evidence', async () => {
    expect(await verdict({ type: 'contains', value: 'Paris' })).toMatchObject({
      pass: true,
      evidence: 'Found in “The capital of France is Paris.”.',
    });
    expect(await verdict({ type: 'contains', value: 'paris' })).toMatchObject({
      pass: false,
      evidence: '“paris” is not in the answer.',
    });
    expect((await verdict({ type: 'contains', value: 'paris', ignoreCase: true })).pass).toBe(true);
    expect(await verdict({ type: 'notContains', value: 'London' })).toMatchObject({ pass: true });
    expect(await verdict({ type: 'notContains', value: 'Paris' })).toMatchObject({
      pass: false,
      evidence: expect.stringMatching(/^Found in/),
    });
  });

  it('regex shows the match; a pattern that backtracks for ever under RegExp ends at once on RE2', async () => {
    expect(await verdict({ type: 'regex', pattern: '[A-Z]\\w+\\.$' })).toMatchObject({
      pass: true,
      evidence: 'Matched “Paris.”.',
    });
    expect((await verdict({ type: 'regex', pattern: 'paris', flags: 'i' })).pass).toBe(true);
    const started = performance.now();
    const evil = await verdict({ type: 'regex', pattern: '^(a+)+$' }, { answer: `${'a'.repeat(50_000)}!` });
    expect(evil).toMatchObject({ pass: false, evidence: 'No match in the answer.' });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await verdict({ type: 'regex', pattern: '(a)\\1' })).toMatchObject({
      pass: false,
      evidence: expect.stringMatching(/cannot be used: lookahead, lookbehind and backreferences/),
    });
  });

  it('equals trims by default and shows what came instead', async () => {
    expect((await verdict({ type: 'equals', value: 'Paris' }, { answer: ' Paris\n' })).pass).toBe(true);
    expect(
      await verdict({ type: 'equals', value: 'Paris', trim: false }, { answer: ' Paris' }),
    ).toMatchObject({ pass: false, evidence: 'Got “ Paris”.' });
  });

  it('JSON against the response schema (or its own), naming the first issue', async () => {
    const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };
    const format = { type: 'json_schema' as const, json_schema: { name: 'answer', schema } };
    const run = (answer: string, check: Check = { type: 'jsonSchema', schema: null }) =>
      runCheck(check, outcome({ answer }), { responseFormat: format });
    expect(await run('{"city":"Paris"}')).toMatchObject({ pass: true });
    expect(await run('```json\n{"city":"Paris"}\n```')).toMatchObject({ pass: true });
    expect(await run('{"town":"Paris"}')).toMatchObject({
      pass: false,
      evidence: expect.stringMatching(/city/),
    });
    expect(await run('Paris')).toMatchObject({ pass: false, evidence: expect.stringMatching(/^Not JSON/) });
  });

  it('tool called, with arguments matching a schema or values', async () => {
    const toolCalls = [{ name: 'get_weather', arguments: '{"city":"Paris","unit":"c"}' }];
    expect(await verdict({ type: 'toolCalled', name: 'get_weather' }, { toolCalls })).toMatchObject({
      pass: true,
      evidence: expect.stringMatching(/^Called get_weather\(/),
    });
    expect(await verdict({ type: 'toolCalled', name: 'search' }, { toolCalls })).toMatchObject({
      pass: false,
      evidence: 'Called get_weather instead.',
    });
    expect(await verdict({ type: 'toolCalled', name: 'search' })).toMatchObject({
      pass: false,
      evidence: 'No tool was called.',
    });
    expect(
      await verdict({ type: 'toolCalled', name: 'get_weather', argsEqual: { city: 'Rome' } }, { toolCalls }),
    ).toMatchObject({ pass: false, evidence: 'city is "Paris", expected "Rome".' });
    expect(
      (
        await verdict(
          { type: 'toolCalled', name: 'get_weather', argsEqual: { city: 'Paris' } },
          { toolCalls },
        )
      ).pass,
    ).toBe(true);
    const argsSchema = { type: 'object', properties: { unit: { enum: ['f'] } } };
    expect(
      await verdict({ type: 'toolCalled', name: 'get_weather', argsSchema }, { toolCalls }),
    ).toMatchObject({ pass: false, evidence: expect.stringMatching(/^Arguments .*unit/) });
    expect(
      await verdict(
        { type: 'toolCalled', name: 'get_weather' },
        { toolCalls: [{ name: 'get_weather', arguments: '{' }] },
      ),
    ).toMatchObject({ pass: false, evidence: expect.stringMatching(/not JSON/) });
  });

  it('cost, latency and tokens ceilings show the figure', async () => {
    expect(await verdict({ type: 'costMax', max: 0.01 })).toMatchObject({
      pass: true,
      evidence: 'Cost 0.00200.',
    });
    expect(await verdict({ type: 'costMax', max: 0.001 })).toMatchObject({ pass: false });
    expect(await verdict({ type: 'costMax', max: 1 }, { cost: null })).toMatchObject({
      pass: false,
      evidence: expect.stringMatching(/No cost known/),
    });
    expect(await verdict({ type: 'latencyMax', ms: 500 })).toMatchObject({
      pass: false,
      evidence: '850 ms.',
    });
    expect(await verdict({ type: 'tokensMax', max: 120 })).toMatchObject({
      pass: true,
      evidence: '120 tokens.',
    });
  });

  it('a graded check shows the grader reasoning; a grader that fails fails the check with why', async () => {
    const check = CheckSchema.parse({
      type: 'graded',
      rubric: 'Names the capital',
      providerId: 'p',
      model: 'judge',
    });
    const grade = async () => readVerdict('It names Paris, the capital.\nPASS');
    expect(await runCheck(check, outcome(), { responseFormat: null, grade })).toMatchObject({
      pass: true,
      label: 'graded by judge',
      evidence: 'It names Paris, the capital.\nPASS',
    });
    const broken = async (): Promise<never> => {
      throw new Error('the grader gave no answer');
    };
    expect(await runCheck(check, outcome(), { responseFormat: null, grade: broken })).toMatchObject({
      pass: false,
      evidence: 'The check could not run: the grader gave no answer',
    });
    expect(readVerdict('PASS? No, FAIL.').pass).toBe(false);
    expect(readVerdict('Looks fine').reasoning).toMatch(/^No PASS or FAIL/);
  });
});
