import type { McpLedgerRun, McpRunFilter, UsageFilter } from '../../../../main/contract';
import { formatCompact, formatInteger } from '../../platform/format';

/**
 * The Usage screen's filter as it applies to tool runs: the range, the thread, and the project and
 * tag through the thread. Provider, model, confidential and request status mean nothing for a tool
 * run: they are named in `ignored` so the section can say so.
 */
export function toolRunFilter(filter: UsageFilter): { filter: McpRunFilter; ignored: string[] } {
  const out: McpRunFilter = { from: filter.from, to: filter.to };
  if (filter.threadId !== undefined) out.threadId = filter.threadId;
  if (filter.projectId !== undefined) out.projectId = filter.projectId;
  if (filter.tag !== undefined) out.tag = filter.tag;
  const ignored = [
    filter.providerId !== undefined ? 'provider' : null,
    filter.model !== undefined ? 'model' : null,
    filter.confidential !== undefined ? 'confidential' : null,
    filter.status !== undefined ? 'request status' : null,
  ].filter((name) => name !== null);
  return { filter: out, ignored };
}

export const RUN_STATUS_LABELS: Record<McpLedgerRun['status'], string> = {
  ok: 'ok',
  error: 'error',
  timeout: 'timed out',
  denied: 'denied',
  cancelled: 'cancelled',
  canned: 'canned answer',
};

export const RUN_STATUS_CHIP: Record<McpLedgerRun['status'], string> = {
  ok: 'chip chip-ok',
  error: 'chip chip-danger',
  timeout: 'chip chip-danger',
  // The user's own decision, not a fault: plain (chip-warn's light text was also under 4.5:1 at 11 px).
  denied: 'chip',
  cancelled: 'chip',
  canned: 'chip',
};

/** A result's size in characters: "312 chars", "12.5k chars". */
export const formatChars = (chars: number): string =>
  `${chars < 10_000 ? formatInteger(chars) : formatCompact(chars)} chars`;
