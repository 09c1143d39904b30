import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCurl, shellQuote, shellQuoteKeepingKey } from '../../../renderer/src/features/inspector/curl';

/** Runs the command in a real shell with `curl` replaced by a function that prints its arguments. */
function argumentsOf(command: string, env: Record<string, string> = {}): string[] {
  const script = `curl() { for a in "$@"; do printf '%s\\0' "$a"; done; }\n${command}`;
  const out = execFileSync('bash', ['-c', script], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

const noNul = fc.string({ unit: 'binary' }).map((s) => s.replace(/\0/g, ''));

describe('shell quoting', () => {
  it('passes any text through the shell unchanged', () => {
    fc.assert(
      fc.property(noNul, (value) => {
        expect(argumentsOf(`curl ${shellQuote(value)}`)).toEqual([value]);
      }),
      { numRuns: 50 },
    );
  });

  it('expands only $API_KEY inside a header, everything else stays literal', () => {
    fc.assert(
      fc.property(noNul, noNul, (before, after) => {
        const header = `${before}$API_KEY${after}`;
        const expected = `${before}sk-test${after}`;
        expect(argumentsOf(`curl ${shellQuoteKeepingKey(header)}`, { API_KEY: 'sk-test' })).toEqual([expected]);
      }),
      { numRuns: 50 },
    );
  });
});

describe('the curl command', () => {
  const body = '{"model":"m","stream":true,"messages":[{"role":"user","content":"it\'s $HOME `now`"}]}';
  const command = buildCurl({
    url: 'https://api.example.com/v1/chat/completions',
    headers: { Authorization: 'Bearer $API_KEY', 'Content-Type': 'application/json', 'Content-Length': '99' },
    body,
  });

  it('sends the exact body bytes and reads the key from the environment', () => {
    expect(argumentsOf(command, { API_KEY: 'sk-live' })).toEqual([
      'https://api.example.com/v1/chat/completions',
      '-N',
      '-H',
      'Authorization: Bearer sk-live',
      '-H',
      'Content-Type: application/json',
      '--data-binary',
      body,
    ]);
  });

  it('never contains a secret, only the placeholder', () => {
    expect(command).toContain('"Authorization: Bearer $API_KEY"');
  });

  it('is laid out one option per line', () => {
    expect(command.split('\n')).toHaveLength(5);
  });
});
