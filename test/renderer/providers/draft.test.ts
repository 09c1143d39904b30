import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Preset, Provider } from '../../../main/contract';
import { ProviderInput } from '../../../main/contract';
import {
  draftFromPreset,
  draftFromProvider,
  draftToInput,
  isDirty,
  newHeaderRow,
  rebaseDraft,
} from '../../../renderer/src/features/providers/draft';
import { providerFixture } from '../../fixtures/provider';

const galadriel: Preset = {
  id: 'galadriel',
  name: 'Galadriel',
  baseUrl: 'https://api.galadriel.com/v1',
  authKinds: ['api-key'],
  description: '',
};

const provider: Provider = providerFixture({
  name: 'Work',
  preset: 'confidential',
  baseUrl: 'https://llm.corp/api/v1',
  authKind: 'oauth',
  headers: { 'X-Org': '' },
  timeouts: { connectMs: 5000, firstByteMs: 30_000, idleMs: 45_500 },
  oauth: { issuer: 'https://llm.corp', clientId: 'desk', scopes: 'llm-all' },
  credential: { configured: false, hint: null },
});

describe('the provider form', () => {
  it('starts from a preset with its name, URL and first auth kind, leaving timeouts to main', () => {
    const input = draftToInput(draftFromPreset(galadriel));
    expect(input).toEqual({
      name: 'Galadriel',
      preset: 'galadriel',
      baseUrl: 'https://api.galadriel.com/v1',
      authKind: 'api-key',
      headers: {},
    });
    expect(ProviderInput.safeParse(input).success).toBe(true);
  });

  it('round-trips a stored provider unchanged, so an untouched form is not dirty', () => {
    const draft = draftFromProvider(provider);
    expect(isDirty(draft, provider)).toBe(false);
    const input = draftToInput(draft);
    expect(input.timeouts).toEqual(provider.timeouts);
    // The value is in the keychain: an untouched saved header asks main to keep it.
    expect(input.headers).toEqual({ 'X-Org': null });
    expect(input.oauth).toEqual({ issuer: 'https://llm.corp', clientId: 'desk', scopes: 'llm-all' });
  });

  it('replaces a saved header value only when one is typed, and a renamed header needs its value', () => {
    const draft = draftFromProvider(provider);
    const [row] = draft.headers;
    if (!row) throw new Error('no header row');
    expect(draftToInput({ ...draft, headers: [{ ...row, value: 'globex' }] }).headers).toEqual({
      'X-Org': 'globex',
    });
    expect(draftToInput({ ...draft, headers: [{ ...row, name: 'X-Team' }] }).headers).toEqual({
      'X-Team': '',
    });
    expect(draftToInput({ ...draft, headers: [] }).headers).toEqual({});
  });

  it('becomes dirty on a real change and clean again when it is undone', () => {
    const draft = draftFromProvider(provider);
    const renamed = { ...draft, name: 'Work 2' };
    expect(isDirty(renamed, provider)).toBe(true);
    expect(isDirty({ ...renamed, name: 'Work' }, provider)).toBe(false);
    expect(isDirty({ ...draft, headers: [...draft.headers, newHeaderRow('X-Trace', '1')] }, provider)).toBe(
      true,
    );
  });

  it('ignores empty header rows and converts seconds to milliseconds', () => {
    const draft = {
      ...draftFromPreset(galadriel),
      headers: [newHeaderRow('', ''), newHeaderRow(' X-A ', 'b')],
      timeouts: { connect: '2.5', firstByte: '', idle: '' },
    };
    const input = draftToInput(draft);
    expect(input.headers).toEqual({ 'X-A': 'b' });
    expect(input.timeouts).toEqual({ connectMs: 2500, firstByteMs: 60_000, idleMs: 60_000 });
  });

  it('keeps any typed timeout in seconds through a round trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6000 }), (tenths) => {
        const seconds = tenths / 10;
        const stored = {
          ...provider,
          timeouts: { ...provider.timeouts, idleMs: Math.round(seconds * 1000) },
        };
        expect(draftToInput(draftFromProvider(stored)).timeouts?.idleMs).toBe(Math.round(seconds * 1000));
      }),
    );
  });
});

describe('when main changes the saved provider under an open form', () => {
  // A sign-in saves the endpoints it discovered; main writes the issuer without its trailing slash.
  const signedIn: Provider = {
    ...provider,
    oauth: {
      ...provider.oauth,
      scopes: 'llm-all',
      issuer: 'https://llm.corp',
      tokenEndpoint: 'https://llm.corp/token',
      authorizationEndpoint: 'https://llm.corp/authorize',
    },
  };

  it('an untouched form follows, so nothing the user did not do reads as unsaved', () => {
    const next = rebaseDraft(draftFromProvider(provider), provider, signedIn);
    expect(isDirty(next, signedIn)).toBe(false);
    expect(next.oauth.tokenEndpoint).toBe('https://llm.corp/token');
  });

  it('an edit in progress is kept', () => {
    const edited = { ...draftFromProvider(provider), name: 'Renamed' };
    expect(rebaseDraft(edited, provider, signedIn)).toBe(edited);
  });
});
