import { describe, expect, it } from 'vitest';
import type { AuthKind } from '../../main/contract';
import { httpFailure } from '../../main/chat/assembly/failures';
import { describeError } from '../../renderer/src/platform/describeError';

const refuse = (authKind: AuthKind, confidential: boolean, said: string) =>
  httpFailure(
    403,
    JSON.stringify({ error: { message: said, type: 'permission_error', code: 'insufficient_scope' } }),
    {},
    {
      host: 'llm.example',
      model: confidential ? 'phala/gpt-oss-120b' : 'openai/gpt-oss-20b',
      authKind,
      confidential,
    },
    Date.now(),
  );

describe('a 403 names exactly the scope the model needs', () => {
  it('for a confidential model: llm-confidential or llm-all, whatever scopes the server lists', () => {
    const error = refuse('jwt', true, 'token has scopes llm-other; model requires llm-all');
    expect(error.detail?.scope).toBe('llm-confidential or llm-all');
    expect(error.message).toMatch(
      /lacks the scope llm-confidential or llm-all needed for phala\/gpt-oss-120b/,
    );
  });

  it('for any other model: llm-other or llm-all', () => {
    const error = refuse('oauth', false, 'requires scope llm-confidential');
    expect(error.detail?.scope).toBe('llm-other or llm-all');
  });

  it('says "sign in again" only to OAuth providers', () => {
    expect(refuse('oauth', true, 'no').message).toMatch(/sign in again granting/i);
    const pasted = refuse('jwt', true, 'no').message;
    expect(pasted).toMatch(/paste a token that grants it/i);
    expect(pasted).not.toMatch(/sign in/i);
  });

  it('the providers screen words it the same way', () => {
    const error = refuse('jwt', true, 'no');
    expect(describeError(error, 'jwt')).toEqual({
      title: 'Your token lacks the llm-confidential or llm-all scope this needs.',
      next: 'Use a token that grants llm-confidential or llm-all.',
      fix: 'inspector',
    });
    expect(describeError(error, 'oauth').next).toBe('Sign in again granting llm-confidential or llm-all.');
    expect(describeError({ code: 'auth_expired', message: 'x' }, 'jwt').next).toBe('Paste a new token.');
  });
});
