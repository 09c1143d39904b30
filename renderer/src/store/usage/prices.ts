import type { Price } from '../../../../main/contract';
import { dayKey, parseDayKey } from './range';

/** A price row as typed in the table. */
export interface PriceText {
  id?: string;
  /** '' = any provider. */
  providerId: string;
  model: string;
  input: string;
  output: string;
  currency: string;
  validFrom: string;
}

export type PriceInput = Omit<Price, 'id'> & { id?: string };

export function priceToText(price: Price): PriceText {
  return {
    id: price.id,
    providerId: price.providerId ?? '',
    model: price.model,
    input: String(price.inputPerMillion),
    output: String(price.outputPerMillion),
    currency: price.currency,
    validFrom: dayKey(price.validFrom),
  };
}

export function blankPrice(now: number): PriceText {
  return { providerId: '', model: '', input: '', output: '', currency: 'USD', validFrom: dayKey(now) };
}

export type PriceErrors = Partial<Record<'model' | 'input' | 'output' | 'currency' | 'validFrom', string>>;

const amount = (text: string): number | null => {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 ? n : null;
};

/** Checks a typed row and builds what `prices:save` takes; prices apply from local midnight of the chosen day. */
export function parsePrice(
  text: PriceText,
): { ok: true; value: PriceInput } | { ok: false; errors: PriceErrors } {
  const errors: PriceErrors = {};
  const input = amount(text.input);
  const output = amount(text.output);
  const validFrom = parseDayKey(text.validFrom);
  if (text.model.trim() === '') errors.model = 'Model is required.';
  if (input === null) errors.input = 'A price of 0 or more.';
  if (output === null) errors.output = 'A price of 0 or more.';
  if (!/^[A-Za-z]{3}$/.test(text.currency.trim())) errors.currency = 'A 3-letter code, e.g. USD.';
  if (validFrom === null) errors.validFrom = 'Pick a date.';
  if (input === null || output === null || validFrom === null || Object.keys(errors).length > 0)
    return { ok: false, errors };
  const value: PriceInput = {
    providerId: text.providerId === '' ? null : text.providerId,
    model: text.model.trim(),
    inputPerMillion: input,
    outputPerMillion: output,
    currency: text.currency.trim().toUpperCase(),
    validFrom,
  };
  if (text.id !== undefined) value.id = text.id;
  return { ok: true, value };
}

/** Newest first within a model, models alphabetically: the price in force reads at the top. */
export function sortPrices(prices: readonly Price[]): Price[] {
  return [...prices].sort((a, b) => a.model.localeCompare(b.model) || b.validFrom - a.validFrom);
}
