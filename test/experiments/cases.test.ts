import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_CASES, casesToCsv, parseCsv, parseJsonl } from '../../main/experiments/cases';

let n = 0;
const id = () => `c${(n += 1)}`;
const values = (text: string) => parseCsv(text, id).cases.map((c) => c.values);

describe('CSV cases', () => {
  it('reads the header row as variable names, drops a BOM, keeps quoted commas, quotes and newlines', () => {
    const text = '\uFEFFquestion,expected\r\n"Hello, ""world""","line one\nline two"\r\nplain,x\r\n';
    expect(values(text)).toEqual([
      { question: 'Hello, "world"', expected: 'line one\nline two' },
      { question: 'plain', expected: 'x' },
    ]);
  });

  it('a row missing columns keeps them empty and says which; extra fields are reported', () => {
    const parsed = parseCsv('a,b,c\n1\n1,2,3,4\n', id);
    expect(parsed.cases.map((c) => c.values)).toEqual([
      { a: '1', b: '', c: '' },
      { a: '1', b: '2', c: '3' },
    ]);
    expect(parsed.warnings).toEqual([
      'Row 2: no value for “b”, “c”; left empty.',
      "Row 3: 1 field(s) beyond the header's 3 were not imported.",
    ]);
  });

  it('refuses a column named like a built-in, a duplicate and an empty header, by name', () => {
    expect(() => parseCsv('date,q\n1,2', id)).toThrow(/“date” is a built-in variable/);
    expect(() => parseCsv('q,q\n1,2', id)).toThrow(/“q” appears twice/);
    expect(() => parseCsv('q,,r\n1,2,3', id)).toThrow(/Column 2 of the header row has no name/);
    expect(() => parseCsv('', id)).toThrow(/first row must name the variables/);
  });

  it('takes 10,000 rows and refuses one more with the limit', () => {
    const rows = Array.from({ length: MAX_CASES }, (_, i) => `q${i},"a\nb"`).join('\n');
    const started = performance.now();
    expect(parseCsv(`q,e\n${rows}`, id).cases).toHaveLength(MAX_CASES);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(() => parseCsv(`q,e\n${rows}\nlast,1`, id)).toThrow(
      /10,001 cases; an experiment holds at most 10,000/,
    );
  });

  it('takes the separator from the header row, so one column of values with bars or semicolons stays whole', () => {
    expect(parseCsv('a\r\n||-', id).cases.map((c) => c.values)).toEqual([{ a: '||-' }]);
    expect(parseCsv('a\n1;2\n3;4\n', id).cases.map((c) => c.values)).toEqual([{ a: '1;2' }, { a: '3;4' }]);
    expect(parseCsv('q;e\nhi;1\n', id).cases.map((c) => c.values)).toEqual([{ q: 'hi', e: '1' }]);
  });

  it('writing cases as CSV and reading them back gives the same values (property)', () => {
    const cell = fc.string({ maxLength: 15 });
    fc.assert(
      fc.property(
        fc
          .uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/), { minLength: 1, maxLength: 4 })
          .filter((cols) => !cols.includes('date') && !cols.includes('time')),
        fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        (columns, rows) => {
          // A row of nothing but empty fields is a blank line, which CSV readers skip.
          const kept = rows.filter((row) => columns.some((_, i) => (row[i] ?? '').trim() !== ''));
          const cases = kept.map((row, i) => ({
            id: `r${i}`,
            values: Object.fromEntries(columns.map((c, j) => [c, row[j] ?? ''])),
          }));
          if (cases.length === 0) return;
          const back = parseCsv(casesToCsv(cases), id);
          expect(back.cases.map((c) => c.values)).toEqual(cases.map((c) => c.values));
        },
      ),
    );
  });
});

describe('JSONL cases', () => {
  it('one object per line; other values become text; bad lines are skipped and named', () => {
    const parsed = parseJsonl('{"q":"hi","n":3}\n\nnot json\n[1]\n{"q":"x","extra":{"a":1}}\n', id);
    expect(parsed.columns).toEqual(['q', 'n', 'extra']);
    expect(parsed.cases.map((c) => c.values)).toEqual([
      { q: 'hi', n: '3', extra: '' },
      { q: 'x', n: '', extra: '{"a":1}' },
    ]);
    expect(parsed.warnings[0]).toMatch(/^Line 3: not JSON/);
    expect(parsed.warnings[1]).toBe('Line 4: not a JSON object; skipped.');
  });

  it('refuses a file with no object and a built-in key', () => {
    expect(() => parseJsonl('1\n2\n', id)).toThrow(/No line of the file is a JSON object/);
    expect(() => parseJsonl('{"time":"now"}', id)).toThrow(/built-in/);
  });
});
