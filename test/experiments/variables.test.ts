import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fillTemplate,
  missingVariablesMessage,
  userVariablesIn,
  variableNameProblem,
  variablesIn,
} from '../../main/contract/templateVars';

const at = new Date(2026, 11, 6, 9, 5);
const name = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/).filter((n) => n !== 'date' && n !== 'time');
// Literal text between slots and the values use disjoint alphabets, so reading back is unambiguous;
// values may hold braces, so a value that looks like a variable is part of the property.
const literal = fc.stringMatching(/^[a-z ,.!?:\n]{1,12}$/);
const value = fc.stringMatching(/^[A-Z0-9{}#\u00e9\u{1F600}]{0,20}$/u);

/** A template as its pieces: literal, slot, literal, slot, …, literal. */
const template = fc
  .array(fc.tuple(name, literal), { maxLength: 5 })
  .chain((slots) => fc.tuple(literal, fc.constant(slots)));

function build([head, slots]: [string, [string, string][]]): string {
  return head + slots.map(([n, after]) => `{{${n}}}${after}`).join('');
}

/** Reads the values back out of a filled template by matching the literal pieces in order. */
function readBack([head, slots]: [string, [string, string][]], filled: string): Record<string, string> {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = `^${escape(head)}${slots.map(([, after]) => `([\\s\\S]*?)${escape(after)}`).join('')}$`;
  const match = new RegExp(pattern).exec(filled);
  const out: Record<string, string> = {};
  slots.forEach(([n], i) => {
    out[n] ??= match?.[i + 1] ?? '<no match>';
  });
  return out;
}

describe('template variables', () => {
  it('filling then reading back gives the values, whatever they hold (even {{other}})', () => {
    fc.assert(
      fc.property(template, fc.dictionary(name, value), (pieces, given) => {
        const names = pieces[1].map(([n]) => n);
        const values: Record<string, string> = {};
        for (const n of names) values[n] = given[n] ?? `{{${n.toUpperCase()}}}`;
        const text = build(pieces);
        const filled = fillTemplate(text, values, at);
        expect(filled.missing).toEqual([]);
        const back = readBack(pieces, filled.text);
        // A name used twice reads back from its first slot, which holds the same value.
        for (const n of names) expect(back[n]).toBe(values[n]);
      }),
    );
  });

  it('names every unfilled variable and leaves it as written', () => {
    fc.assert(
      fc.property(template, (pieces) => {
        const text = build(pieces);
        const filled = fillTemplate(text, {}, at);
        expect(filled.text).toBe(text);
        expect(filled.missing).toEqual([...new Set(pieces[1].map(([n]) => n))]);
      }),
    );
  });

  it('fills the built-ins {{date}} and {{time}} and never asks for them', () => {
    const text = 'Today is {{date}} at {{ time }}; {{who}} asks.';
    expect(userVariablesIn(text)).toEqual(['who']);
    expect(variablesIn(text)).toEqual(['date', 'time', 'who']);
    expect(fillTemplate(text, { who: 'Ada' }, at).text).toBe('Today is 2026-12-06 at 09:05; Ada asks.');
  });

  it('a value is not expanded again', () => {
    expect(fillTemplate('{{a}}', { a: '{{b}}', b: 'no' }, at).text).toBe('{{b}}');
  });

  it('an inherited name such as toString is not a value', () => {
    expect(fillTemplate('{{toString}}', {}, at).missing).toEqual(['toString']);
  });

  it('words the refusal with every name, and refuses built-in and malformed column names', () => {
    expect(missingVariablesMessage(['city'])).toBe(
      'The variable {{city}} has no value: fill it in before sending.',
    );
    expect(missingVariablesMessage(['a', 'b'])).toMatch(/\{\{a\}\}, \{\{b\}\} have no value/);
    expect(variableNameProblem('date')).toMatch(/built-in/);
    expect(variableNameProblem('two words')).toMatch(/not a variable name/);
    expect(variableNameProblem('city')).toBeNull();
  });
});
