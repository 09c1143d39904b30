import type { PreflightPart } from '../../../../main/contract';
import type { StoreState } from '../types';
import type { Chip } from './slice';

const EMPTY: Chip[] = [];

export const trayOf = (s: StoreState, threadId: string): Chip[] => s.trays[threadId] ?? EMPTY;

/** The preflight's word on one chip (matched by its staged id). */
export function partOf(s: StoreState, threadId: string, chip: Chip): PreflightPart | null {
  const id = chip.staged?.id;
  if (!id) return null;
  return s.preflights[threadId]?.result?.parts.find((p) => p.id === id) ?? null;
}

/** Why Send must wait for the files, in words, or null. */
export function attachmentBlock(s: StoreState, threadId: string): string | null {
  const chips = trayOf(s, threadId);
  if (chips.length === 0) return null;
  const reading = chips.filter((c) => c.status === 'reading').length;
  if (reading > 0) return `Reading ${reading} file${reading === 1 ? '' : 's'}…`;
  const preflight = s.preflights[threadId]?.result;
  if (preflight?.blocked) return preflight.blocked;
  if (preflight?.leavesConfidential && !s.confidentialAgreed[threadId])
    return 'This thread was confidential: confirm before files go to a model that is not.';
  return null;
}
