import { describe, expect, it } from 'vitest';
import type { Capabilities } from '../../../main/contract';
import {
  capabilitySummary,
  flipFlag,
  formatContextLength,
  resetFlags,
} from '../../../renderer/src/parts/models/capabilities';

const caps: Capabilities = {
  tools: false,
  logprobs: true,
  jsonSchema: false,
  reasoning: false,
  vision: false,
};

describe('capability overrides', () => {
  it('flipping a flag sends its opposite value (main merges it and drops it when it equals the default)', () => {
    expect(flipFlag(caps, 'tools')).toEqual({ tools: true });
    expect(flipFlag(caps, 'logprobs')).toEqual({ logprobs: false });
  });

  it('resetting sends every overridden flag back to the other value', () => {
    const effective = { ...caps, tools: true, vision: true };
    expect(resetFlags(effective, ['tools', 'vision'])).toEqual({ tools: false, vision: false });
    expect(resetFlags(effective, [])).toEqual({});
  });
});

describe('model facts', () => {
  it('summarises capabilities for screen readers', () => {
    expect(capabilitySummary(caps)).toBe('Supports Logprobs');
    expect(capabilitySummary({ ...caps, logprobs: false })).toBe('No extra capabilities');
  });

  it('shortens context lengths', () => {
    expect(formatContextLength(131_072)).toBe('131k ctx');
    expect(formatContextLength(1_000_000)).toBe('1M ctx');
    expect(formatContextLength(512)).toBe('512 ctx');
  });
});
