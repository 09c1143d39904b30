import { describe, expect, it } from 'vitest';
import { Price } from '../../../main/contract';
import { blankPrice, parsePrice, priceToText, sortPrices } from '../../../renderer/src/store/usage/prices';
import { dayKey, parseDayKey } from '../../../renderer/src/store/usage/range';

describe('the price table', () => {
  it('turns a typed row into what main saves, valid from local midnight', () => {
    const parsed = parsePrice({
      providerId: '',
      model: ' phala/x ',
      input: '0.5',
      output: '1.25',
      currency: 'usd',
      validFrom: '2025-04-01',
    });
    expect(parsed).toEqual({
      ok: true,
      value: {
        providerId: null,
        model: 'phala/x',
        inputPerMillion: 0.5,
        outputPerMillion: 1.25,
        currency: 'USD',
        validFrom: parseDayKey('2025-04-01'),
      },
    });
    if (parsed.ok) expect(Price.omit({ id: true }).safeParse(parsed.value).success).toBe(true);
  });

  it('names each problem in a bad row', () => {
    const parsed = parsePrice({
      providerId: 'p',
      model: '',
      input: '-1',
      output: 'x',
      currency: 'dollars',
      validFrom: '',
    });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(Object.keys(parsed.errors).sort()).toEqual([
        'currency',
        'input',
        'model',
        'output',
        'validFrom',
      ]);
  });

  it('round-trips a stored price through the row editor', () => {
    const price = {
      id: 'x',
      providerId: 'p',
      model: 'm',
      inputPerMillion: 2,
      outputPerMillion: 6,
      currency: 'EUR',
      validFrom: parseDayKey('2025-01-15') ?? 0,
    };
    expect(parsePrice(priceToText(price))).toEqual({ ok: true, value: price });
    expect(blankPrice(price.validFrom).validFrom).toBe(dayKey(price.validFrom));
  });

  it('lists each model’s newest price first', () => {
    const p = (model: string, validFrom: number) => ({
      id: `${model}${validFrom}`,
      providerId: null,
      model,
      inputPerMillion: 1,
      outputPerMillion: 1,
      currency: 'USD',
      validFrom,
    });
    expect(sortPrices([p('b', 1), p('a', 1), p('a', 5)]).map((x) => x.id)).toEqual(['a5', 'a1', 'b1']);
  });
});
