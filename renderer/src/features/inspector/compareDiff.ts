import type { Message } from '../../../../main/contract/chat';

/** A stretch of the compared answer: in both, only in the original, or only in the re-run. */
export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Words with the whitespace after them, so joining the parts gives back each text exactly. */
function words(text: string): string[] {
  return text.match(/\s+|\S+\s*/g) ?? [];
}

/** Past this many table cells the middle of two answers is shown as one replaced stretch. */
const MAX_CELLS = 2_000_000;

function push(parts: DiffPart[], kind: DiffPart['kind'], text: string): void {
  if (text === '') return;
  const last = parts[parts.length - 1];
  if (last?.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/**
 * A word-level diff of two answers (longest common subsequence of words, whitespace included).
 * Joining the `same` and `removed` parts gives `before`; `same` and `added` give `after`. Long
 * answers are bounded: the shared start and end are found first and a middle too large for the
 * table is shown as removed-then-added.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = words(before);
  const b = words(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  push(parts, 'same', a.slice(0, start).join(''));
  const n = endA - start;
  const m = endB - start;
  if (n * m > MAX_CELLS) {
    push(parts, 'removed', a.slice(start, endA).join(''));
    push(parts, 'added', b.slice(start, endB).join(''));
  } else {
    // lcs[i][j]: the longest common run of a[start+i..] and b[start+j..], row-major in one array.
    const width = m + 1;
    const lcs = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * width + j] =
          a[start + i] === b[start + j]
            ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1
            : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[start + i] === b[start + j]) {
        push(parts, 'same', a[start + i] ?? '');
        i++;
        j++;
      } else if (i < n && (j === m || (lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0))) {
        // Removed words first, then added: reads as "was … now …".
        push(parts, 'removed', a[start + i] ?? '');
        i++;
      } else {
        push(parts, 'added', b[start + j] ?? '');
        j++;
      }
    }
  }
  push(parts, 'same', a.slice(endA).join(''));
  return parts;
}

/** One request field the re-run sent differently from the original. */
export interface FieldChange {
  key: string;
  before: string;
  after: string;
}

const NOT_SENT = 'not sent';

function bodyOf(text: string | null | undefined): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * The fields two stored requests sent differently (the messages aside, which a comparison
 * shares), read from the bytes that went out: what the user sees changed is what changed.
 * Null when either request was not stored.
 */
export function requestChanges(
  original: string | null | undefined,
  rerun: string | null | undefined,
): FieldChange[] | null {
  const a = bodyOf(original);
  const b = bodyOf(rerun);
  if (a === null || b === null) return null;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => k !== 'messages');
  const changes: FieldChange[] = [];
  for (const key of keys) {
    const before = a[key] === undefined ? NOT_SENT : JSON.stringify(a[key]);
    const after = b[key] === undefined ? NOT_SENT : JSON.stringify(b[key]);
    if (before !== after) changes.push({ key, before, after });
  }
  return changes;
}

/** The figures a comparison lines up: tokens, time to first token, total time, cost and credits. */
export interface RunFigures {
  tokens: number | null;
  firstTokenMs: number | null;
  totalMs: number | null;
  /** From the price table; null when the model has no price. */
  cost: number | null;
  /** What the provider charged in credits (`X-Credits-*`), when it says. */
  credits: number | null;
}

export function runFigures(message: Message): RunFigures {
  const t = message.meta?.timings;
  const sent = t?.requestSentAt ?? null;
  return {
    tokens: message.usage?.completionTokens ?? null,
    firstTokenMs: sent !== null && t?.firstTokenAt != null ? t.firstTokenAt - sent : null,
    totalMs: sent !== null && t?.endedAt != null ? t.endedAt - sent : null,
    cost: message.usage?.cost ?? null,
    credits: message.usage?.creditsConsumed ?? null,
  };
}
