import { describe, expect, it } from 'vitest';
import { parseSnippet } from '../../../renderer/src/features/shell/snippet';

describe('search result snippets', () => {
  it('marks the matched words between the markers', () => {
    expect(parseSnippet('…the \u0001quick\u0002 brown \u0001fox\u0002.')).toEqual([
      { text: '…the ', hit: false },
      { text: 'quick', hit: true },
      { text: ' brown ', hit: false },
      { text: 'fox', hit: true },
      { text: '.', hit: false },
    ]);
  });

  it('reads a snippet without matches as plain text', () => {
    expect(parseSnippet('nothing here')).toEqual([{ text: 'nothing here', hit: false }]);
  });

  it('survives a snippet cut in the middle of a match', () => {
    expect(parseSnippet('start \u0001matc')).toEqual([
      { text: 'start ', hit: false },
      { text: 'matc', hit: true },
    ]);
    expect(parseSnippet('tch\u0002 end')).toEqual([{ text: 'tch end', hit: false }]);
  });

  it('keeps emoji and other astral characters whole', () => {
    expect(parseSnippet('\u0001🦊\u0002 fox')).toEqual([
      { text: '🦊', hit: true },
      { text: ' fox', hit: false },
    ]);
  });
});
