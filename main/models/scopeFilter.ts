export const SCOPE_CONFIDENTIAL = 'llm-confidential';
export const SCOPE_OTHER = 'llm-other';
export const SCOPE_ALL = 'llm-all';

export interface ScopedModel {
  id: string;
  confidential: boolean;
}

export interface ScopeVerdict {
  allowed: boolean;
  /** Why the model is hidden, e.g. "needs llm-confidential"; `null` when allowed. */
  hiddenReason: string | null;
}

/** The scope that (besides llm-all) unlocks a model. */
export const scopeFor = (model: Pick<ScopedModel, 'confidential'>): string =>
  model.confidential ? SCOPE_CONFIDENTIAL : SCOPE_OTHER;

/**
 * `null` scopes (an API key, or a token without scope claims) allow everything: the server is the
 * authority and the app has nothing to filter by. Otherwise llm-all allows all, llm-confidential
 * the confidential models and llm-other the rest.
 */
export function verdict(
  model: Pick<ScopedModel, 'confidential'>,
  scopes: readonly string[] | null,
): ScopeVerdict {
  if (scopes === null || scopes.includes(SCOPE_ALL)) return { allowed: true, hiddenReason: null };
  const needed = scopeFor(model);
  return scopes.includes(needed)
    ? { allowed: true, hiddenReason: null }
    : { allowed: false, hiddenReason: `needs ${needed}` };
}

/** Every model comes back (none is dropped), each marked allowed or hidden with its reason. */
export function filterByScope<T extends ScopedModel>(
  models: readonly T[],
  scopes: readonly string[] | null,
): (T & ScopeVerdict)[] {
  return models.map((model) => ({ ...model, ...verdict(model, scopes) }));
}
