import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  alternativesOf,
  confidenceStep,
  formatPercent,
  logprobToPercent,
  probabilityOf,
  summarize,
  tokenBackground,
  visibleToken,
} from '../../../renderer/src/parts/logprobs/probability';

describe('logprob to percent', () => {
  it('reads like a person would say it', () => {
    expect(logprobToPercent(0)).toBe('100%');
    expect(logprobToPercent(Math.log(0.5))).toBe('50.0%');
    expect(logprobToPercent(Math.log(0.9996))).toBe('>99.9%');
    expect(logprobToPercent(-20)).toBe('<0.1%');
    expect(logprobToPercent(Number.NEGATIVE_INFINITY)).toBe('0%');
  });

  it('never shows a possible token as 0 % or an unsure one as 100 %', () => {
    fc.assert(
      fc.property(fc.double({ min: -1000, max: -1e-9, noNaN: true }), (logprob) => {
        const p = probabilityOf(logprob);
        const text = formatPercent(p);
        if (p > 0) expect(text).not.toBe('0%');
        expect(text).not.toBe('100%');
      }),
    );
  });
});

describe('probability to colour', () => {
  it('colours less likely tokens at least as strongly', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b) => {
          const [low, high] = a < b ? [a, b] : [b, a];
          expect(confidenceStep(low)).toBeGreaterThanOrEqual(confidenceStep(high));
        },
      ),
    );
  });

  it('leaves sure tokens uncoloured and mixes the theme colour into doubtful ones', () => {
    expect(tokenBackground(0.97)).toBe('transparent');
    expect(tokenBackground(0.1)).toBe('color-mix(in oklab, var(--logprob-doubt) 64%, transparent)');
  });
});

describe('alternatives', () => {
  it('lists the top tokens most likely first and marks the one sampled', () => {
    const list = alternativesOf({
      token: ' blue',
      logprob: Math.log(0.3),
      bytes: null,
      top_logprobs: [
        { token: ' blue', logprob: Math.log(0.3), bytes: null },
        { token: ' grey', logprob: Math.log(0.6), bytes: null },
      ],
    });
    expect(list.map((a) => [a.token, a.percent, a.chosen])).toEqual([
      [' grey', '60.0%', false],
      [' blue', '30.0%', true],
    ]);
  });

  it('adds the sampled token when it was not among the top ones', () => {
    const list = alternativesOf({
      token: 'x',
      logprob: Math.log(0.01),
      bytes: null,
      top_logprobs: [{ token: 'y', logprob: Math.log(0.9), bytes: null }],
    });
    expect(list.map((a) => a.token)).toEqual(['y', 'x']);
  });

  it('makes whitespace visible in the list', () => {
    expect(visibleToken(' a\n\t')).toBe('␣a↵⇥');
    expect(visibleToken('')).toBe('∅');
  });
});

describe('summary', () => {
  it('gives the average confidence and counts the unsure tokens', () => {
    const entry = (p: number) => ({ token: 't', logprob: Math.log(p), bytes: null, top_logprobs: [] });
    const s = summarize([entry(0.9), entry(0.1), entry(1)]);
    expect(s.count).toBe(3);
    expect(s.uncertain).toBe(1);
    expect(s.meanProbability).toBeCloseTo(Math.cbrt(0.09), 6);
  });
});
