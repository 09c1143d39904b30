import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, streamLimits } from '../../../main/chat/transport/limits';
import { ProviderInput } from '../../../main/contract';
import { draftFromProvider, draftToInput, isDirty } from '../../../renderer/src/features/providers/draft';
import { validateDraft } from '../../../renderer/src/features/providers/validation';
import { providerFixture } from '../../fixtures/provider';

const tight = providerFixture({ name: 'Tight', limits: { bodyMb: 2, lineKb: 256 } });
const plain = providerFixture({ name: 'Plain' });

describe('the limits group of the provider form', () => {
  it('shows a provider’s limits and sends them back unchanged, so an untouched form is not dirty', () => {
    const draft = draftFromProvider(tight);
    expect(draft.limits).toMatchObject({ bodyMb: '2', lineKb: '256', messageMb: '' });
    expect(draftToInput(draft).limits).toEqual({ bodyMb: 2, lineKb: 256 });
    expect(isDirty(draft, tight)).toBe(false);
    expect(draftToInput(draftFromProvider(plain))).not.toHaveProperty('limits');
  });

  it('emptying every field resets to the defaults instead of keeping the old limits', () => {
    const draft = draftFromProvider(tight);
    const input = draftToInput({ ...draft, limits: { ...draft.limits, bodyMb: '', lineKb: '' } });
    expect(input.limits).toEqual({});
    expect(streamLimits(input.limits)).toEqual(DEFAULT_LIMITS);
    expect(isDirty({ ...draft, limits: { ...draft.limits, bodyMb: '' } }, tight)).toBe(true);
  });

  it('names a value out of range at its field, and what it sends passes main’s contract', () => {
    const draft = draftFromProvider(plain);
    const errors = validateDraft({ ...draft, limits: { ...draft.limits, bodyMb: '0', lineKb: '1.5' } });
    expect(errors['limits.bodyMb']).toBe('A whole number from 1 to 1,024.');
    expect(errors['limits.lineKb']).toBe('A whole number from 64 to 65,536.');
    const input = draftToInput({ ...draft, limits: { ...draft.limits, messageMb: '32' } });
    expect(ProviderInput.safeParse(input).success).toBe(true);
    expect(input.limits).toEqual({ messageMb: 32 });
  });
});
