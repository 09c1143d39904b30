import type { TokenLogprob } from '../../contract';
import type { Rec } from './shapes';

type TopLogprob = TokenLogprob['top_logprobs'][number];

/** Distinct tokens remembered for sharing; bounded so a stream cannot grow it forever. */
const MAX_INTERNED = 50_000;

/** One distinct token: its string and its bytes, shared by every entry that has them. */
interface Known {
  token: string;
  bytes: number[] | null;
}

/**
 * Reads logprob entries into the contract's shape. Measured on a 100k-token stream, building our
 * own objects (one shape, one allocation site) costs less than keeping JSON.parse's, and the
 * garbage collector is what dominates: so the token string and `bytes` array of a token seen
 * before are shared too, since a long answer repeats its tokens and every string or array kept
 * alive is one the collector has to move.
 */
export class LogprobReader {
  private readonly interned = new Map<string, Known>();

  read(value: unknown): TokenLogprob | null {
    if (typeof value !== 'object' || value === null) return null;
    const entry = value as Rec;
    const token = entry.token;
    const logprob = entry.logprob;
    if (typeof token !== 'string' || typeof logprob !== 'number') return null;
    const tops = entry.top_logprobs;
    const list = this.tops(tops);
    const known = this.known(token, entry.bytes);
    return { token: known.token, logprob, bytes: known.bytes, top_logprobs: list };
  }

  /** Sized up front: an array grown by `push` reserves 16 slots, kept for every token. */
  private tops(value: unknown): TopLogprob[] {
    if (!Array.isArray(value)) return [];
    const tops = value as unknown[];
    const list = new Array<TopLogprob>(tops.length);
    let kept = 0;
    for (let i = 0; i < tops.length; i += 1) {
      const top = this.top(tops[i]);
      if (top !== null) list[kept++] = top;
    }
    list.length = kept;
    return list;
  }

  private top(value: unknown): TopLogprob | null {
    if (typeof value !== 'object' || value === null) return null;
    const top = value as Rec;
    const token = top.token;
    const logprob = top.logprob;
    if (typeof token !== 'string' || typeof logprob !== 'number') return null;
    const known = this.known(token, top.bytes);
    return { token: known.token, logprob, bytes: known.bytes };
  }

  private known(token: string, value: unknown): Known {
    const known = this.interned.get(token);
    if (known !== undefined && sameBytes(known.bytes, value)) return known;
    const fresh = { token, bytes: ownBytes(value) };
    if (known === undefined && this.interned.size < MAX_INTERNED) this.interned.set(token, fresh);
    return fresh;
  }
}

function ownBytes(value: unknown): number[] | null {
  if (!Array.isArray(value)) return null;
  const bytes = value as unknown[];
  return bytes.every((b) => typeof b === 'number')
    ? (bytes as number[])
    : bytes.filter((b): b is number => typeof b === 'number');
}

function sameBytes(known: number[] | null, value: unknown): boolean {
  if (known === null || !Array.isArray(value)) return known === null && !Array.isArray(value);
  const bytes = value as unknown[];
  if (known.length !== bytes.length) return false;
  for (let i = 0; i < known.length; i += 1) if (known[i] !== bytes[i]) return false;
  return true;
}
