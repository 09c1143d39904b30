import type { Output } from '../../../main/contract';
import type { Result } from '../../../main/contract/errors';
import { api } from '../bridge/api';
import { renderFailures } from './renderFailures';

/** The threads pane's rows at start: more than a tall window shows (the rest follows when idle). */
export const FIRST_SCREEN_ROWS = 100;

interface Asked {
  /** The thread the window reopens (the list's first, passing over threads that broke the window). */
  opening: Promise<Result<Output<'threads:opening'>>>;
  /** The threads pane's first rows. */
  rows: Promise<Result<Output<'threads:list'>>>;
}

/** The early calls not yet taken; null until the entry asks (once per page). */
let asked: Partial<Asked> | null = null;

/**
 * Asks main for what the first screen shows, before the rest of the renderer's code is evaluated
 * (renderer/src/early.ts, the entry's first import): the answers travel while the page compiles and
 * runs its scripts, instead of after the first render. Asked once per page.
 */
export function askFirstScreen(): void {
  if (asked) return;
  asked = {
    opening: api.threads.opening({ skip: renderFailures() }),
    rows: api.threads.list({ archived: false, limit: FIRST_SCREEN_ROWS }),
  };
}

/** The early call for `key`, once: whoever comes later (or when nothing was asked early) asks main itself. */
export function takeAsked<K extends keyof Asked>(key: K): Asked[K] | undefined {
  const call = asked?.[key];
  if (asked) delete asked[key];
  return call;
}
