import { describe, expect, it } from 'vitest';
import {
  byteLength,
  formatDuration,
  headersThatMatter,
  prettyBody,
  readSeed,
  timingSteps,
} from '../../../renderer/src/features/inspector/responseFacts';

describe('response facts', () => {
  it('keeps the headers that matter: ids, limits, credits, timing', () => {
    const headers = {
      'x-ratelimit-remaining-requests': '99',
      'content-type': 'text/event-stream',
      'x-credits-consumed': '0.002',
      'x-request-id': 'req_1',
      'access-control-allow-origin': '*',
      vary: 'Origin',
    };
    expect(headersThatMatter(headers).map(([n]) => n)).toEqual([
      'content-type',
      'x-credits-consumed',
      'x-ratelimit-remaining-requests',
      'x-request-id',
    ]);
  });

  it('lays the timings out from sending to the end', () => {
    const steps = timingSteps({ requestSentAt: 1000, firstByteAt: 1120, firstTokenAt: 1400, endedAt: 3400 });
    expect(steps.map((s) => [s.label, s.sinceSent, s.sincePrevious])).toEqual([
      ['Sent', 0, null],
      ['First byte', 120, 120],
      ['First token', 400, 280],
      ['End', 2400, 2000],
    ]);
  });

  it('skips points the request never reached', () => {
    const steps = timingSteps({ requestSentAt: 1000, firstByteAt: null, firstTokenAt: null, endedAt: 1500 });
    expect(steps.map((s) => [s.sinceSent, s.sincePrevious])).toEqual([
      [0, null],
      [null, null],
      [null, null],
      [500, 500],
    ]);
  });

  it('formats durations compactly', () => {
    expect([
      formatDuration(87.4),
      formatDuration(1234),
      formatDuration(45_600),
      formatDuration(125_000),
    ]).toEqual(['87 ms', '1.23 s', '45.6 s', '2 min 5 s']);
  });

  it('pretty-prints JSON bodies and leaves other text alone', () => {
    expect(prettyBody('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyBody('not json')).toBe('not json');
    expect(readSeed('{"seed":42}')).toBe(42);
    expect(readSeed('{}')).toBeNull();
    expect(byteLength('é')).toBe(2);
  });
});
