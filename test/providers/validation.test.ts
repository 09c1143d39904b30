import { describe, expect, it } from 'vitest';
import { ProviderInput, isAppFailure } from '../../main/contract';
import { checkHeaders, checkServiceUrl } from '../../main/providers/validation';

function failure(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (isAppFailure(error)) return `${error.error.code}: ${error.error.message}`;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('base URL validation', () => {
  it('accepts https and normalises away a trailing slash', () => {
    expect(checkServiceUrl('https://api.galadriel.com/v1/')).toEqual({
      url: 'https://api.galadriel.com/v1',
      warning: null,
    });
  });

  it.each(['http://127.0.0.1:8080/api/v1', 'http://localhost:11434/v1', 'http://[::1]:9000/v1'])(
    'accepts plain http on loopback (%s) with a warning',
    (url) => {
      const checked = checkServiceUrl(url);
      expect(checked.warning).toMatch(/only allowed because .* is this machine/);
    },
  );

  it('refuses plain http to another host, saying why', () => {
    expect(failure(() => checkServiceUrl('http://api.example.com/v1'))).toMatch(
      /invalid_request: .*plain http:\/\/ to api\.example\.com.*unencrypted/,
    );
  });

  it('refuses credentials in the URL without echoing them', () => {
    const message = failure(() => checkServiceUrl('https://user:hunter2secret@api.example.com/v1'));
    expect(message).toMatch(/must not contain a user name or password/);
    expect(message).not.toContain('hunter2secret');
  });

  it.each([
    ['ftp://example.com', /must start with https:\/\//],
    ['not a url', /isn't a valid URL/],
    ['', /is required/],
    ['https://api.example.com/v1?key=abc', /query string/],
  ])('refuses %j', (url, message) => {
    expect(failure(() => checkServiceUrl(url))).toMatch(message);
  });
});

describe('custom headers', () => {
  it('keeps ordinary headers', () => {
    expect(checkHeaders({ 'X-Org': ' acme ', 'HTTP-Referer': 'https://me' })).toEqual({
      'X-Org': 'acme',
      'HTTP-Referer': 'https://me',
    });
  });

  it.each(['Authorization', 'authorization', 'AUTHORIZATION'])(
    'refuses %s rather than letting it override the credential',
    (name) => {
      expect(failure(() => checkHeaders({ [name]: 'Bearer other' }))).toMatch(
        /Authorization is set from the saved key/,
      );
    },
  );

  it('refuses a header named __proto__ at the contract instead of dropping it', () => {
    const input = JSON.parse(
      '{"name":"p","preset":"openai-compatible","baseUrl":"https://a.b/v1","authKind":"api-key","headers":{"__proto__":"x"}}',
    );
    const parsed = ProviderInput.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['headers', '__proto__']);
    expect(parsed.error?.issues[0]?.message).toContain('__proto__ cannot be a header name');
  });

  it('refuses multi-line values and duplicates differing in case', () => {
    expect(failure(() => checkHeaders({ 'X-A': 'a\r\nInjected: yes' }))).toMatch(/single line/);
    expect(failure(() => checkHeaders({ 'X-A': 'a', 'x-a': 'b' }))).toMatch(/listed twice/);
  });
});
