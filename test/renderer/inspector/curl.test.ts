import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildCurl,
  curlVariables,
  shellQuote,
  shellQuoteKeeping,
} from '../../../renderer/src/features/inspector/curl';

/**
 * Runs commands in ONE real shell with `curl` replaced by a function that prints its arguments
 * (NUL after each, \x01 after each command): one process for a whole batch of samples.
 */
function argumentsOfEach(commands: string[], env: Record<string, string> = {}): string[][] {
  const script = `curl() { for a in "$@"; do printf '%s\\0' "$a"; done; printf '\\001'; }\n${commands.join('\n')}`;
  const out = execFileSync('bash', ['-c', script], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
  return out
    .split('\u0001')
    .slice(0, -1)
    .map((args) => args.split('\0').slice(0, -1));
}

const argumentsOf = (command: string, env: Record<string, string> = {}): string[] =>
  argumentsOfEach([command], env)[0] ?? [];

/** Shell text cannot carry NUL, and \x01 separates commands in the batch above. */
const shellText = fc.string({ unit: 'binary' }).map((s) => s.replaceAll('\0', '').replaceAll('\u0001', ''));

describe('shell quoting', () => {
  it('passes any text through the shell unchanged', () => {
    const values = fc.sample(shellText, 200);
    expect(argumentsOfEach(values.map((v) => `curl ${shellQuote(v)}`))).toEqual(values.map((v) => [v]));
  });

  it('expands only $API_KEY inside a header, everything else stays literal', () => {
    const pairs = fc.sample(fc.tuple(shellText, shellText), 200);
    const commands = pairs.map(
      ([before, after]) => `curl ${shellQuoteKeeping(`${before}$API_KEY${after}`, 'API_KEY')}`,
    );
    const expected = pairs.map(([before, after]) => [`${before}sk-test${after}`]);
    expect(argumentsOfEach(commands, { API_KEY: 'sk-test' })).toEqual(expected);
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

describe('a request with secret custom headers', () => {
  const headers = { Authorization: 'Bearer $API_KEY', 'X-Org-Key': '$X_ORG_KEY', 'X-Team': 'blue $HOME' };
  const command = buildCurl({ url: 'https://api.example.com/v1/chat/completions', headers, body: '{}' });

  it('reads each secret header from its own variable and keeps other values literal', () => {
    expect(argumentsOf(command, { API_KEY: 'sk-live', X_ORG_KEY: 'org-live', HOME: '/root' })).toEqual([
      'https://api.example.com/v1/chat/completions',
      '-H',
      'Authorization: Bearer sk-live',
      '-H',
      'X-Org-Key: org-live',
      '-H',
      'X-Team: blue $HOME',
      '--data-binary',
      '{}',
    ]);
  });

  it('names the variables to set', () => {
    expect(curlVariables(headers)).toEqual(['API_KEY', 'X_ORG_KEY']);
  });
});
