import { randomUUID } from 'node:crypto';
import Papa from 'papaparse';
import type { ImportedCases, TestCase } from '../contract';
import { AppFailure, variableNameProblem } from '../contract';

/** Rows one import may hold; a bigger file is refused with this number, not cut silently. */
export const MAX_CASES = 10_000;
/** Warnings listed one by one; past this they are counted. */
const LISTED_WARNINGS = 20;

type NewId = () => string;

function refuse(message: string, field = 'text'): never {
  throw new AppFailure('invalid_request', message, { detail: { field } });
}

function checkColumns(columns: readonly string[]): void {
  if (columns.length === 0 || columns.every((c) => c === ''))
    refuse('The first row must name the variables (one column per variable).');
  const seen = new Set<string>();
  columns.forEach((name, index) => {
    if (name === '') refuse(`Column ${index + 1} of the header row has no name.`);
    const problem = variableNameProblem(name);
    if (problem) refuse(problem);
    if (seen.has(name)) refuse(`The column “${name}” appears twice in the header row.`);
    seen.add(name);
  });
}

class Warnings {
  private readonly listed: string[] = [];
  private more = 0;
  add(text: string): void {
    if (this.listed.length < LISTED_WARNINGS) this.listed.push(text);
    else this.more += 1;
  }
  all(): string[] {
    return this.more > 0 ? [...this.listed, `…and ${this.more} more like these.`] : this.listed;
  }
}

function tooMany(rows: number): never {
  refuse(
    `The file has ${rows.toLocaleString('en')} cases; an experiment holds at most ${MAX_CASES.toLocaleString('en')}.`,
  );
}

/**
 * The separator the header row uses: the most frequent of comma, semicolon, tab and bar in it,
 * else a comma. Guessed from the whole text (papaparse's default), a one-column file whose values
 * hold bars or semicolons was split on them and its values lost.
 */
function headerDelimiter(body: string): string {
  const end = body.search(/\r?\n/u);
  const header = end < 0 ? body : body.slice(0, end);
  let best = ',';
  let most = 0;
  for (const candidate of [',', ';', '\t', '|']) {
    const count = header.split(candidate).length - 1;
    if (count > most) [best, most] = [candidate, count];
  }
  return best;
}

/**
 * CSV with a header row of variable names (RFC 4180: quoted fields may hold commas, quotes and
 * newlines). A leading byte-order mark is dropped; a row with fewer fields keeps the missing ones
 * empty and says so; extra fields are reported, never silently taken.
 */
export function parseCsv(text: string, newId: NewId = randomUUID): ImportedCases {
  const body = text.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(body, {
    header: false,
    skipEmptyLines: 'greedy',
    delimiter: headerDelimiter(body),
  });
  const rows = parsed.data;
  const header = (rows[0] ?? []).map((c) => c.trim());
  checkColumns(header);
  if (rows.length - 1 > MAX_CASES) tooMany(rows.length - 1);
  const warnings = new Warnings();
  for (const error of parsed.errors)
    if (error.code !== 'TooFewFields' && error.code !== 'TooManyFields')
      warnings.add(`Row ${(error.row ?? 0) + 1}: ${error.message}.`);
  const cases: TestCase[] = [];
  rows.slice(1).forEach((row, index) => {
    const line = index + 2;
    const values: Record<string, string> = {};
    header.forEach((name, column) => {
      values[name] = row[column] ?? '';
    });
    if (row.length < header.length)
      warnings.add(
        `Row ${line}: no value for ${header
          .slice(row.length)
          .map((n) => `“${n}”`)
          .join(', ')}; left empty.`,
      );
    if (row.length > header.length)
      warnings.add(
        `Row ${line}: ${row.length - header.length} field(s) beyond the header's ${header.length} were not imported.`,
      );
    cases.push({ id: newId(), values });
  });
  return { cases, columns: header, warnings: warnings.all() };
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** One JSON object per line; its keys are the variables. A line that is not an object is skipped and named. */
export function parseJsonl(text: string, newId: NewId = randomUUID): ImportedCases {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const warnings = new Warnings();
  const columns: string[] = [];
  const known = new Set<string>();
  const objects: Record<string, unknown>[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      warnings.add(
        `Line ${index + 1}: not JSON (${error instanceof Error ? error.message : String(error)}); skipped.`,
      );
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      warnings.add(`Line ${index + 1}: not a JSON object; skipped.`);
      return;
    }
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object))
      if (!known.has(key)) {
        known.add(key);
        columns.push(key);
      }
    objects.push(object);
  });
  if (objects.length > MAX_CASES) tooMany(objects.length);
  if (objects.length === 0) refuse('No line of the file is a JSON object with variable values.');
  checkColumns(columns);
  const cases = objects.map((object) => {
    const values: Record<string, string> = {};
    for (const name of columns) values[name] = asText(object[name]);
    return { id: newId(), values };
  });
  return { cases, columns, warnings: warnings.all() };
}

/** The variable names of a set of cases, in first-seen order. */
export function caseColumns(cases: readonly TestCase[]): string[] {
  const seen = new Set<string>();
  for (const c of cases) for (const key of Object.keys(c.values)) seen.add(key);
  return [...seen];
}

/** Cases as CSV with a header row, quoted where needed (the inverse of parseCsv). */
export function casesToCsv(cases: readonly TestCase[]): string {
  const columns = caseColumns(cases);
  return Papa.unparse({
    fields: columns,
    data: cases.map((c) => columns.map((name) => c.values[name] ?? '')),
  });
}
