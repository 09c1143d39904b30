import catalogue from './catalogue.json';

/** Per million tokens. Cached input and reasoning fall back to input and output when absent. */
export interface CataloguePrice {
  input: number;
  cachedInput?: number;
  output: number;
  reasoning?: number;
}

export interface Catalogue {
  asOf: string;
  currency: string;
  models: Record<string, CataloguePrice>;
}

export const BUNDLED: Catalogue = catalogue;

const DAY = 86_400_000;
/** A catalogue this old says so: prices change, and it only ships with the app. */
export const STALE_AFTER_DAYS = 30;

/** The catalogue's date, and whether it is older than STALE_AFTER_DAYS at `now`. */
export function catalogueAge(now: number, book: Catalogue = BUNDLED): { asOf: string; stale: boolean } {
  return { asOf: book.asOf, stale: now - Date.parse(`${book.asOf}T00:00:00Z`) > STALE_AFTER_DAYS * DAY };
}

/**
 * The catalogue's price of a model: exactly its id, or the part after a router's "vendor/" prefix
 * (openai/gpt-4o), or the id without a date suffix (gpt-4o-2024-08-06).
 */
export function cataloguePrice(model: string, book: Catalogue = BUNDLED): CataloguePrice | null {
  const bare = model.slice(model.lastIndexOf('/') + 1).toLowerCase();
  const undated = bare.replace(/-\d{4}-\d{2}-\d{2}$|-\d{8}$|-latest$/, '');
  // Own keys only: a model called "__proto__" or "constructor" is not priced by Object.prototype.
  const own = (id: string) => (Object.hasOwn(book.models, id) ? book.models[id] : undefined);
  return own(bare) ?? own(undated) ?? null;
}

export interface Tokens {
  promptTokens: number;
  completionTokens: number;
  /** Part of promptTokens, read from the provider's cache. */
  cachedTokens?: number | null;
  /** Part of completionTokens. */
  reasoningTokens?: number | null;
}

/** The cost of a request at catalogue prices, cached input and reasoning priced apart. */
export function catalogueCost(price: CataloguePrice, t: Tokens): number {
  const cached = Math.min(Math.max(t.cachedTokens ?? 0, 0), t.promptTokens);
  const reasoning = Math.min(Math.max(t.reasoningTokens ?? 0, 0), t.completionTokens);
  return (
    ((t.promptTokens - cached) * price.input +
      cached * (price.cachedInput ?? price.input) +
      (t.completionTokens - reasoning) * price.output +
      reasoning * (price.reasoning ?? price.output)) /
    1_000_000
  );
}

export type CostSource = 'provider' | 'table' | 'catalogue';

/**
 * The best cost of a request, in order: what the provider reported (US dollars), the user's own
 * price table, then the bundled catalogue. Null when none knows.
 */
export function bestCost(
  reported: number | null | undefined,
  table: () => { cost: number; currency: string } | null,
  model: string,
  tokens: Tokens,
  book: Catalogue = BUNDLED,
): { cost: number; currency: string; source: CostSource } | null {
  if (reported !== undefined && reported !== null)
    return { cost: reported, currency: 'USD', source: 'provider' };
  const priced = table();
  if (priced) return { ...priced, source: 'table' };
  const price = cataloguePrice(model, book);
  return price ? { cost: catalogueCost(price, tokens), currency: book.currency, source: 'catalogue' } : null;
}
