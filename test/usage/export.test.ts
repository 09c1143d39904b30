import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { UsageRow } from '../../main/contract';
import { CSV_COLUMNS, usageCsv } from '../../main/usage/export';
import { ctx, parseCsv, record, setup } from './support';

const range = { from: Date.UTC(2020, 0, 1), to: Date.UTC(2030, 0, 1) };

/** Reads a CSV record back into a ledger row, the way a spreadsheet user's script would. */
function fromCsv(header: string[], fields: string[]): UsageRow {
  const value = (column: string): string => fields[header.indexOf(column)] ?? '';
  const text = (column: string) => (value(column) === '' ? null : value(column));
  const number = (column: string) => (value(column) === '' ? null : Number(value(column)));
  return {
    id: value('id'),
    at: Date.parse(value('at')),
    providerId: text('providerId'),
    providerName: value('providerName'),
    model: value('model'),
    confidential: value('confidential') === 'true',
    threadId: text('threadId'),
    messageId: text('messageId'),
    retryOf: text('retryOf'),
    attempt: Number(value('attempt')),
    promptTokens: Number(value('promptTokens')),
    completionTokens: Number(value('completionTokens')),
    reasoningTokens: number('reasoningTokens'),
    cachedTokens: number('cachedTokens'),
    totalTokens: Number(value('totalTokens')),
    tokensReported: value('tokensReported') === 'true',
    creditsConsumed: number('creditsConsumed'),
    creditsRemaining: number('creditsRemaining'),
    cost: number('cost'),
    costSource: text('costSource') as UsageRow['costSource'],
    ttftMs: number('ttftMs'),
    durationMs: number('durationMs'),
    tokensPerSecond: number('tokensPerSecond'),
    status: value('status') as UsageRow['status'],
    errorCode: text('errorCode') as UsageRow['errorCode'],
  };
}

// Text a spreadsheet would not take for a formula: the export guards those separately.
const name = fc
  .string({ unit: 'grapheme', maxLength: 20 })
  .filter((s) => s !== '' && !/^[=+\-@\t\r]/.test(s));
const maybeName = fc.option(name, { nil: null });

describe('usage export', () => {
  it('writes CSV that parses back to the same rows, whatever the names contain', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            at: fc.integer({ min: Date.UTC(2021, 0, 1), max: Date.UTC(2029, 0, 1) }),
            providerId: maybeName,
            providerName: name,
            model: name,
            threadId: maybeName,
            confidential: fc.boolean(),
            credits: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: null }),
            cost: fc.option(fc.double({ min: 0, max: 10, noNaN: true }), { nil: undefined }),
            reasoningTokens: fc.option(fc.nat(10_000), { nil: null }),
            ttftMs: fc.option(fc.double({ min: 0, max: 1e5, noNaN: true }), { nil: null }),
          }),
          { maxLength: 25 },
        ),
        async (inputs) => {
          const { ledger, handlers } = setup();
          for (const input of inputs) {
            ledger.record(
              record({
                ...input,
                creditsConsumed: input.credits,
                creditsRemaining: input.credits,
                status: input.credits ? 'complete' : 'error',
                errorCode: input.credits ? null : 'network',
              }),
            );
          }
          const { rows } = await handlers['usage:rows']({ ...range, offset: 0, limit: 1000 }, ctx);
          const csv = await handlers['usage:export']({ ...range, format: 'csv' }, ctx);
          const [header, ...records] = parseCsv(csv.text);
          expect(header).toEqual([...CSV_COLUMNS]);
          const back = records.map((fields) => fromCsv(header ?? [], fields));
          expect(back).toEqual([...rows].reverse());
          const json = await handlers['usage:export']({ ...range, format: 'json' }, ctx);
          expect(JSON.parse(json.text)).toEqual([...rows].reverse());
        },
      ),
      { numRuns: 60 },
    );
  });

  it('quotes commas, quotes and line breaks per RFC 4180 and ends records with CRLF', () => {
    const row = { ...record({ model: 'a,"b"\nc', providerName: 'plain' }), id: 'r1', cost: null };
    const csv = usageCsv([row]);
    expect(csv.split('\r\n')[1]).toContain('plain,"a,""b""\nc",false');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('keeps a spreadsheet from running a name that looks like a formula', () => {
    const row = {
      ...record({ model: '=HYPERLINK("http://x")', providerName: '@sum' }),
      id: 'r1',
      cost: null,
    };
    const [, fields] = parseCsv(usageCsv([row]));
    expect(fields?.[CSV_COLUMNS.indexOf('model')]).toBe(`'=HYPERLINK("http://x")`);
    expect(fields?.[CSV_COLUMNS.indexOf('providerName')]).toBe(`'@sum`);
  });

  it('exports only the filtered rows and names the file after their dates', async () => {
    const { ledger, handlers } = setup();
    ledger.record(record({ at: Date.UTC(2025, 0, 3), model: 'keep' }));
    ledger.record(record({ at: Date.UTC(2025, 0, 9), model: 'keep' }));
    ledger.record(record({ at: Date.UTC(2025, 0, 5), model: 'other' }));
    const out = await handlers['usage:export']({ ...range, model: 'keep', format: 'json' }, ctx);
    expect(out.filename).toBe('usage-2025-01-03-to-2025-01-09.json');
    expect((JSON.parse(out.text) as UsageRow[]).map((r) => r.model)).toEqual(['keep', 'keep']);
  });
});
