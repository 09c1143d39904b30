import type { Capabilities } from '../../../../main/contract';

export type CapabilityKey = keyof Capabilities;

export const CAPABILITY_ORDER: readonly CapabilityKey[] = [
  'tools',
  'logprobs',
  'jsonSchema',
  'reasoning',
  'vision',
];

export const CAPABILITY_LABELS: Record<CapabilityKey, string> = {
  tools: 'Tools',
  logprobs: 'Logprobs',
  jsonSchema: 'JSON schema',
  reasoning: 'Reasoning',
  vision: 'Vision',
};

/** One sentence for tooltips and screen readers. */
export function capabilitySummary(capabilities: Capabilities): string {
  const yes = CAPABILITY_ORDER.filter((k) => capabilities[k]).map((k) => CAPABILITY_LABELS[k]);
  return yes.length === 0 ? 'No extra capabilities' : `Supports ${yes.join(', ')}`;
}

/**
 * What to send to `models:setOverride` to flip one flag. Main merges it into the stored
 * overrides and drops any flag equal to the provider's default, so flipping an overridden flag
 * back restores the default without the renderer knowing what that default was.
 */
export function flipFlag(effective: Capabilities, key: CapabilityKey): Partial<Capabilities> {
  return { [key]: !effective[key] };
}

/** Flags that undo every override: each overridden flag flipped back to the provider's value. */
export function resetFlags(
  effective: Capabilities,
  overridden: readonly CapabilityKey[],
): Partial<Capabilities> {
  const out: Partial<Capabilities> = {};
  for (const key of overridden) out[key] = !effective[key];
  return out;
}

export function formatContextLength(tokens: number): string {
  if (tokens >= 1_000_000) return `${Number((tokens / 1_000_000).toFixed(1))}M ctx`;
  if (tokens >= 1000) return `${Math.round(tokens / 1000)}k ctx`;
  return `${tokens} ctx`;
}
