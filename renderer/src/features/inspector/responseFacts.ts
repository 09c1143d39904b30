import type { Timings } from '../../../../main/contract/chat';

/** Response headers worth a glance: identity, rate limits, credits, timing and caching. */
const EXACT = new Set([
  'content-type',
  'date',
  'retry-after',
  'server',
  'server-timing',
  'x-request-id',
  'request-id',
  'cf-ray',
  'via',
  'cache-control',
  'transfer-encoding',
]);
const PREFIXES = [
  'x-ratelimit-',
  'ratelimit-',
  'x-credits-',
  'openai-',
  'x-openai-',
  'x-groq-',
  'anthropic-',
  'x-model',
  'x-confidential',
];

const headerMatters = (name: string): boolean => {
  const lower = name.toLowerCase();
  return EXACT.has(lower) || PREFIXES.some((p) => lower.startsWith(p));
};

export function headersThatMatter(headers: Readonly<Record<string, string>>): [string, string][] {
  return Object.entries(headers)
    .filter(([name]) => headerMatters(name))
    .sort(([a], [b]) => a.localeCompare(b));
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export interface TimingStep {
  label: string;
  /** Since the request was sent; null when this point was never reached. */
  sinceSent: number | null;
  /** Since the previous step that was reached. */
  sincePrevious: number | null;
}

/** sent → first byte → first token → end, each as an offset from sending and from the step before. */
export function timingSteps(t: Timings): TimingStep[] {
  const points: [string, number | null][] = [
    ['Sent', t.requestSentAt],
    ['First byte', t.firstByteAt],
    ['First token', t.firstTokenAt],
    ['End', t.endedAt],
  ];
  let previous: number | null = null;
  return points.map(([label, at]) => {
    const sinceSent = at !== null && t.requestSentAt !== null ? at - t.requestSentAt : null;
    const sincePrevious = at !== null && previous !== null ? at - previous : null;
    if (at !== null) previous = at;
    return { label, sinceSent, sincePrevious };
  });
}

/** The exact body, or the same JSON indented for reading; text that is not JSON stays as it is. */
export function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

export function readSeed(body: string): number | null {
  try {
    const parsed = JSON.parse(body) as unknown;
    if (parsed !== null && typeof parsed === 'object') {
      const seed = (parsed as Record<string, unknown>).seed;
      return typeof seed === 'number' ? seed : null;
    }
  } catch {
    // Not JSON: no seed to show.
  }
  return null;
}

export const byteLength = (text: string): number => new TextEncoder().encode(text).length;
