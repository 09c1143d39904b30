import type { TokenLogprob } from '../../../../main/contract/chat';

export const probabilityOf = (logprob: number): number => {
  if (!Number.isFinite(logprob)) return 0;
  return Math.min(1, Math.max(0, Math.exp(logprob)));
};

/** A percentage that never rounds a sure token to 100 % or a possible one to 0 %. */
export function formatPercent(probability: number): string {
  const pct = probability * 100;
  if (pct >= 100) return '100%';
  if (pct > 99.9) return '>99.9%';
  if (pct <= 0) return '0%';
  if (pct < 0.1) return '<0.1%';
  return `${pct.toFixed(1)}%`;
}

export const logprobToPercent = (logprob: number): string => formatPercent(probabilityOf(logprob));

/**
 * Five steps of doubt, 0 = sure. Steps rather than a continuous ramp keep the text calm: most
 * tokens of a fluent answer stay uncoloured and only the uncertain ones draw the eye.
 */
export function confidenceStep(probability: number): 0 | 1 | 2 | 3 | 4 {
  if (probability >= 0.9) return 0;
  if (probability >= 0.7) return 1;
  if (probability >= 0.45) return 2;
  if (probability >= 0.2) return 3;
  return 4;
}

/** How strongly (0–100 %) the doubt colour is mixed into a token's background. */
export const STEP_MIX = [0, 18, 32, 48, 64] as const;

/** A CSS background for a token: the theme's doubt colour mixed in by step, so it reads in light and dark. */
export function tokenBackground(probability: number): string {
  const mix = STEP_MIX[confidenceStep(probability)];
  return mix === 0 ? 'transparent' : `color-mix(in oklab, var(--logprob-doubt) ${mix}%, transparent)`;
}

/** Whitespace made visible for lists, where a bare space would be invisible. */
export function visibleToken(token: string): string {
  if (token === '') return '∅';
  return token.replace(/ /g, '␣').replace(/\n/g, '↵').replace(/\t/g, '⇥').replace(/\r/g, '␍');
}

export interface Alternative {
  token: string;
  probability: number;
  percent: string;
  chosen: boolean;
}

/** The top alternatives, most likely first, with the sampled token marked (added when not among them). */
export function alternativesOf(entry: TokenLogprob): Alternative[] {
  const list = entry.top_logprobs.map((t) => ({
    token: t.token,
    probability: probabilityOf(t.logprob),
    chosen: t.token === entry.token,
  }));
  if (!list.some((a) => a.chosen))
    list.push({ token: entry.token, probability: probabilityOf(entry.logprob), chosen: true });
  list.sort((a, b) => b.probability - a.probability);
  return list.map((a) => ({ ...a, percent: formatPercent(a.probability) }));
}

export interface TokenSummary {
  count: number;
  /** Geometric mean probability: the model's average confidence over the answer. */
  meanProbability: number;
  uncertain: number;
}

export function summarize(entries: readonly TokenLogprob[]): TokenSummary {
  if (entries.length === 0) return { count: 0, meanProbability: 0, uncertain: 0 };
  const finite = entries.filter((e) => Number.isFinite(e.logprob));
  const meanLog = finite.reduce((sum, e) => sum + e.logprob, 0) / Math.max(1, finite.length);
  return {
    count: entries.length,
    meanProbability: probabilityOf(meanLog),
    uncertain: entries.filter((e) => probabilityOf(e.logprob) < 0.45).length,
  };
}
