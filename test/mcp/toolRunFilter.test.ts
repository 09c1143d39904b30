import { describe, expect, it } from 'vitest';
import { formatChars, toolRunFilter } from '../../renderer/src/features/usage/toolRuns';

describe("the Usage screen's filter for tool runs", () => {
  it('keeps the range, thread, project and tag, and names the model filters it cannot apply', () => {
    expect(
      toolRunFilter({ from: 1, to: 2, threadId: 't', projectId: 'p', tag: 'client', providerId: 'x' }),
    ).toEqual({
      filter: { from: 1, to: 2, threadId: 't', projectId: 'p', tag: 'client' },
      ignored: ['provider'],
    });
    expect(
      toolRunFilter({ from: 1, to: 2, model: 'm', confidential: false, status: 'error' }).ignored,
    ).toEqual(['model', 'confidential', 'request status']);
    expect(toolRunFilter({ from: 1, to: 2 })).toEqual({ filter: { from: 1, to: 2 }, ignored: [] });
  });

  it('writes result sizes in characters', () => {
    expect(formatChars(40)).toBe('40 chars');
    expect(formatChars(1234)).toBe('1,234 chars');
    expect(formatChars(125_000)).toBe('125k chars');
  });
});
