import { describe, expect, it } from 'vitest';
import type { Preset } from '../../../main/contract';
import { draftFromPreset, newHeaderRow } from '../../../renderer/src/features/providers/draft';
import {
  checkTimeout,
  checkUrl,
  fieldPathFromServer,
  validateDraft,
  visibleErrors,
} from '../../../renderer/src/features/providers/validation';

const blank: Preset = {
  id: 'openai-compatible',
  name: 'OpenAI-compatible',
  baseUrl: '',
  authKinds: ['api-key'],
  description: '',
};

describe('base URL checks while typing', () => {
  it('accepts https and warns about plain http to this machine', () => {
    expect(checkUrl('https://api.galadriel.com/v1')).toEqual({ error: null, warning: null });
    const local = checkUrl('http://127.0.0.1:8080/v1');
    expect(local.error).toBeNull();
    expect(local.warning).toContain('not encrypted');
  });

  it('refuses plain http to another host, credentials, queries and other schemes', () => {
    expect(checkUrl('http://api.example.com/v1').error).toContain('unencrypted');
    expect(checkUrl('https://me:pw@api.com/v1').error).toContain('user name or password');
    expect(checkUrl('https://api.com/v1?key=1').error).toContain('query string');
    expect(checkUrl('ftp://api.com').error).toContain('https://');
    expect(checkUrl('api.com/v1').error).toContain('valid URL');
  });

  it('points out a preset placeholder host that must be replaced', () => {
    expect(checkUrl('https://llm.example/api/v1').warning).toContain('placeholder');
  });
});

describe('the whole form', () => {
  it('holds back "required" messages until the first save attempt', () => {
    const draft = draftFromPreset(blank);
    const errors = validateDraft(draft);
    expect(errors.baseUrl).toBe('Base URL is required.');
    expect(visibleErrors(errors, draft, false).baseUrl).toBeUndefined();
    expect(visibleErrors(errors, draft, true).baseUrl).toBe('Base URL is required.');
  });

  it('flags reserved, invalid and duplicate header names on their own row', () => {
    const auth = newHeaderRow('Authorization', 'Bearer x');
    const bad = newHeaderRow('X Bad', '1');
    const first = newHeaderRow('X-Org', 'a');
    const dup = newHeaderRow('x-org', 'b');
    const draft = { ...draftFromPreset(blank), baseUrl: 'https://a.b/v1', headers: [auth, bad, first, dup] };
    const errors = validateDraft(draft);
    expect(errors[`headers.${auth.key}`]).toContain('Authorization');
    expect(errors[`headers.${bad.key}`]).toContain('not a valid header name');
    expect(errors[`headers.${first.key}`]).toBeUndefined();
    expect(errors[`headers.${dup.key}`]).toContain('twice');
  });

  it('flags a header named __proto__, which a plain record would drop without a word', () => {
    const proto = newHeaderRow('__proto__', 'x');
    const draft = { ...draftFromPreset(blank), baseUrl: 'https://a.b/v1', headers: [proto] };
    expect(validateDraft(draft)[`headers.${proto.key}`]).toContain('__proto__ cannot be a header name');
  });

  it('maps a header error from main back to the row that has that name', () => {
    const row = newHeaderRow('X-Org', 'a');
    const draft = { ...draftFromPreset(blank), headers: [row] };
    expect(fieldPathFromServer('headers.x-org', draft)).toBe(`headers.${row.key}`);
    expect(fieldPathFromServer('baseUrl', draft)).toBe('baseUrl');
  });

  it('keeps timeouts within what main accepts', () => {
    expect(checkTimeout('')).toBeNull();
    expect(checkTimeout('30')).toBeNull();
    expect(checkTimeout('0.05')).toContain('Between');
    expect(checkTimeout('601')).toContain('Between');
    expect(checkTimeout('ten')).toContain('number');
  });

  it('checks OAuth endpoints only when signing in is the auth kind', () => {
    const draft = {
      ...draftFromPreset(blank),
      baseUrl: 'https://a.b/v1',
      oauth: { ...draftFromPreset(blank).oauth, tokenEndpoint: 'http://evil.com/token' },
    };
    expect(validateDraft(draft)['oauth.tokenEndpoint']).toBeUndefined();
    expect(validateDraft({ ...draft, authKind: 'oauth' })['oauth.tokenEndpoint']).toContain('unencrypted');
  });
});
