import { describe, expect, it } from 'vitest';
import {
  filterEvents,
  highlightSegments,
  relativeMs,
} from '../../../renderer/src/features/inspector/rawEvents';

const events = [
  { seq: 0, at: 1000, data: 'data: {"choices":[{"delta":{"content":"Hel"}}]}' },
  { seq: 1, at: 1010, data: 'data: {"choices":[{"delta":{"content":"lo"}}]}' },
  { seq: 2, at: 1050, data: 'data: [DONE]' },
];

describe('searching raw stream events', () => {
  it('keeps every event for an empty search', () => {
    expect(filterEvents(events, '  ')).toHaveLength(3);
  });

  it('finds matches case-insensitively with their offsets', () => {
    const matches = filterEvents(events, 'done');
    expect(matches).toHaveLength(1);
    expect(matches[0]?.event.seq).toBe(2);
    expect(matches[0]?.hits).toEqual([7]);
  });

  it('counts every occurrence in a frame', () => {
    expect(filterEvents([{ seq: 0, at: 0, data: 'aXaXa' }], 'a')[0]?.hits).toEqual([0, 2, 4]);
  });

  it('splits a frame for highlighting', () => {
    expect(highlightSegments('data: [DONE]', [7], 4)).toEqual([
      { text: 'data: [', hit: false },
      { text: 'DONE', hit: true },
      { text: ']', hit: false },
    ]);
  });

  it('times events from the first one', () => {
    expect(relativeMs(events[2]!, events[0])).toBe(50);
  });
});
