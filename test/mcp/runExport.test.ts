import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { McpLedgerRun } from '../../main/contract';
import { RUN_EXPORT_COLUMNS, runsCsv, runsJson } from '../../main/mcp/runExport';

const STATUSES = ['ok', 'error', 'timeout', 'denied', 'cancelled', 'canned'] as const;

/** Names as a server may send them: commas, quotes, line breaks, formula starts, any Unicode. */
const name = fc.oneof(
  fc.string(),
  fc.constantFrom('=HYPERLINK("x")', '+1', '-cmd', '@SUM(A1)', 'a,b', 'say "hi"', 'two\r\nlines'),
);

const run = fc.record({
  serverName: name,
  tool: name,
  status: fc.constantFrom(...STATUSES),
  durationMs: fc.nat(),
  resultChars: fc.option(fc.nat(), { nil: null }),
  startedAt: fc.integer({ min: 0, max: 4_102_444_800_000 }),
  argumentsText: fc.string({ minLength: 1 }),
  error: fc.option(fc.string({ minLength: 1 }), { nil: null }),
});

type Run = typeof run extends fc.Arbitrary<infer T> ? T : never;

const ledgerRun = (r: Run, i: number): McpLedgerRun => ({
  id: `run-${i}`,
  serverId: `s-${i}`,
  serverName: r.serverName,
  tool: r.tool,
  threadId: 't',
  toolCallId: `call_${i}`,
  startedAt: r.startedAt,
  durationMs: r.durationMs,
  status: r.status,
  error: r.error,
  messageId: 'm',
  threadTitle: `title ${r.argumentsText}`,
  resultChars: r.resultChars,
});

/** What a spreadsheet shows: a formula-like name keeps a leading apostrophe. */
const shown = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

describe('the tool-run export', () => {
  it('reads back as the same names, times, status and sizes, and carries no error text or title', () => {
    fc.assert(
      fc.property(fc.array(run, { maxLength: 8 }), (runs) => {
        const rows = runs.map(ledgerRun);
        const parsed = Papa.parse<string[]>(runsCsv(rows), { skipEmptyLines: true });
        expect(parsed.errors).toEqual([]);
        expect(parsed.data[0]).toEqual([...RUN_EXPORT_COLUMNS]);
        expect(
          parsed.data.slice(1).map((cells) => [cells[3], cells[4], cells[5], cells[6], cells[7]]),
        ).toEqual(
          rows.map((r) => [
            shown(r.serverName),
            shown(r.tool),
            r.status,
            String(r.durationMs),
            r.resultChars === null ? '' : String(r.resultChars),
          ]),
        );
        const json = JSON.parse(runsJson(rows)) as Record<string, unknown>[];
        expect(json.map((r) => [r.serverName, r.tool, r.startedAt])).toEqual(
          rows.map((r) => [r.serverName, r.tool, new Date(r.startedAt).toISOString()]),
        );
        for (const r of json) {
          expect(Object.keys(r)).toEqual([...RUN_EXPORT_COLUMNS]);
          expect('error' in r || 'threadTitle' in r).toBe(false);
        }
      }),
    );
  });
});
