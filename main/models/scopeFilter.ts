const SCOPE_CONFIDENTIAL = 'llm-confidential';
const SCOPE_OTHER = 'llm-other';
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
const scopeFor = (model: Pick<ScopedModel, 'confidential'>): string =>
  model.confidential ? SCOPE_CONFIDENTIAL : SCOPE_OTHER;

/** Exactly what a model needs, in words: "llm-confidential or llm-all" (or "llm-other or llm-all"). */
export const neededScopes = (confidential: boolean): string =>
  `${scopeFor({ confidential })} or ${SCOPE_ALL}`;

const LLM_SCOPE = /^llm-/;

/**
 * The scopes that govern a provider's models. A token that says nothing in the llm-* vocabulary
 * governs nothing, unless the provider is the confidential service, whose tokens must.
 */
export function governingScopes(scopes: string[] | null, confidentialService: boolean): string[] | null {
  if (scopes === null) return null;
  return confidentialService || scopes.some((s) => LLM_SCOPE.test(s)) ? scopes : null;
}

/**
 * Why a token can use none of the models (so it is not "ready"), naming what is missing; `null`
 * when at least one kind of model is allowed or the scopes govern nothing.
 */
export function noModelAllowed(scopes: readonly string[] | null): string | null {
  if (scopes === null) return null;
  if ([SCOPE_ALL, SCOPE_CONFIDENTIAL, SCOPE_OTHER].some((s) => scopes.includes(s))) return null;
  return `no model can be used: the token lacks ${SCOPE_ALL} (or ${SCOPE_CONFIDENTIAL} for confidential models, ${SCOPE_OTHER} for the others)`;
}

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
