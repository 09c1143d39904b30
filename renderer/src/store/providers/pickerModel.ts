import type { ModelInfo, ModelList, Provider } from '../../../../main/contract';

export interface ModelRef {
  providerId: string;
  model: string;
}

export interface PickerEntry {
  /** Unique within the picker; also the option's DOM id suffix. */
  key: string;
  providerId: string;
  providerName: string;
  model: ModelInfo;
  recent: boolean;
  /** Forbidden by the token's scope: visible with its reason, never pickable. */
  disabled: boolean;
  reason: string | null;
}

export interface PickerGroup {
  id: string;
  label: string;
  entries: PickerEntry[];
}

export const RECENT_LIMIT = 6;

export const refKey = (ref: ModelRef): string => `${ref.providerId}\u0000${ref.model}`;

const terms = (query: string): string[] => query.toLowerCase().split(/\s+/).filter(Boolean);

/** Higher is better; null when a term is missing. A term at the start of a name segment beats one inside it. */
export function matchScore(haystackParts: readonly string[], query: string): number | null {
  const ts = terms(query);
  if (ts.length === 0) return 0;
  const parts = haystackParts.map((p) => p.toLowerCase());
  const whole = parts.join(' ');
  let score = 0;
  for (const term of ts) {
    const at = whole.indexOf(term);
    if (at < 0) return null;
    const segmentStart = parts.some((p) => p.split(/[/\-_.:\s]/).some((seg) => seg.startsWith(term)));
    score += segmentStart ? 2 : 1;
  }
  return score;
}

function entryOf(provider: Provider, model: ModelInfo, recent: boolean): PickerEntry {
  return {
    key: `${provider.id}:${model.id}`,
    providerId: provider.id,
    providerName: provider.name,
    model,
    recent,
    disabled: !model.allowed,
    reason: model.allowed ? null : (model.hiddenReason ?? 'not allowed by your token'),
  };
}

/**
 * The picker's contents: a "Recent" group (allowed recents only, most recent first), then one
 * group per provider in the user's order, pickable models before forbidden ones. A model shown
 * under Recent is not repeated below, so every option appears once for keyboard navigation.
 */
export function buildPickerGroups(
  providers: readonly Provider[],
  lists: Readonly<Record<string, ModelList | undefined>>,
  recent: readonly ModelRef[],
  query: string,
): PickerGroup[] {
  const ordered = [...providers].sort((a, b) => a.position - b.position);
  const byKey = new Map<string, PickerEntry>();
  const scored = new Map<string, number>();
  for (const provider of ordered) {
    for (const model of lists[provider.id]?.models ?? []) {
      const score = matchScore([model.id, provider.name, model.ownedBy ?? ''], query);
      if (score === null) continue;
      const entry = entryOf(provider, model, false);
      byKey.set(refKey({ providerId: provider.id, model: model.id }), entry);
      scored.set(entry.key, score);
    }
  }
  const groups: PickerGroup[] = [];
  const recentEntries: PickerEntry[] = [];
  const seen = new Set<string>();
  for (const ref of recent) {
    const entry = byKey.get(refKey(ref));
    if (!entry || entry.disabled || seen.has(entry.key) || recentEntries.length >= RECENT_LIMIT) continue;
    seen.add(entry.key);
    recentEntries.push({ ...entry, recent: true });
  }
  if (recentEntries.length > 0) groups.push({ id: 'recent', label: 'Recent', entries: recentEntries });
  const hasQuery = terms(query).length > 0;
  for (const provider of ordered) {
    const entries = (lists[provider.id]?.models ?? [])
      .map((m) => byKey.get(refKey({ providerId: provider.id, model: m.id })))
      .filter((e): e is PickerEntry => e !== undefined && !seen.has(e.key))
      .map((entry, index) => ({ entry, index }))
      .sort((a, b) => {
        if (a.entry.disabled !== b.entry.disabled) return a.entry.disabled ? 1 : -1;
        if (hasQuery) {
          const diff = (scored.get(b.entry.key) ?? 0) - (scored.get(a.entry.key) ?? 0);
          if (diff !== 0) return diff;
        }
        return a.index - b.index;
      })
      .map(({ entry }) => entry);
    if (entries.length > 0) groups.push({ id: provider.id, label: provider.name, entries });
  }
  return groups;
}

export const flatEntries = (groups: readonly PickerGroup[]): PickerEntry[] =>
  groups.flatMap((g) => g.entries);

/** Index of the next pickable entry in `direction`, wrapping; -1 when nothing is pickable. */
export function stepIndex(entries: readonly PickerEntry[], from: number, direction: 1 | -1): number {
  const n = entries.length;
  if (n === 0) return -1;
  let i = from;
  for (let step = 0; step < n; step++) {
    i = (((i + direction) % n) + n) % n;
    if (!entries[i]?.disabled) return i;
  }
  return -1;
}

/** Where the highlight starts: the current model if pickable and listed, else the first pickable one. */
export function initialIndex(entries: readonly PickerEntry[], current: ModelRef | null): number {
  if (current) {
    const at = entries.findIndex(
      (e) => e.providerId === current.providerId && e.model.id === current.model && !e.disabled,
    );
    if (at >= 0) return at;
  }
  return stepIndex(entries, -1, 1);
}

/** Most recent first, without duplicates, capped. */
export function pushRecent(list: readonly ModelRef[], ref: ModelRef, limit = RECENT_LIMIT * 2): ModelRef[] {
  return [ref, ...list.filter((r) => refKey(r) !== refKey(ref))].slice(0, limit);
}

/** Recent models derived from threads' last activity, for a fresh session with no picks yet. */
export function recentFromThreads(
  threads: readonly { providerId: string | null; model: string | null; lastActivityAt: number }[],
): ModelRef[] {
  const out: ModelRef[] = [];
  const seen = new Set<string>();
  for (const t of [...threads].sort((a, b) => b.lastActivityAt - a.lastActivityAt)) {
    if (t.providerId === null || t.model === null) continue;
    const ref = { providerId: t.providerId, model: t.model };
    if (seen.has(refKey(ref))) continue;
    seen.add(refKey(ref));
    out.push(ref);
  }
  return out;
}
