import type { StoreState } from '../../store';

export interface ComposerBlock {
  reason: string;
  action: 'providers' | 'inspector';
}

// Constants, so a store selector returning one keeps its identity between renders.
const NO_PROVIDER: ComposerBlock = { reason: 'Add a provider', action: 'providers' };
const NO_MODEL: ComposerBlock = { reason: 'Choose a model in the inspector', action: 'inspector' };

/** Why the message box cannot send yet, and the one step that fixes it. */
export function composerBlock(
  s: Pick<StoreState, 'providersLoaded' | 'providers' | 'details'>,
  threadId: string,
): ComposerBlock | null {
  if (s.providersLoaded && s.providers.length === 0) return NO_PROVIDER;
  const settings = s.details[threadId]?.thread.settings;
  if (settings && (settings.providerId === null || settings.model === null)) return NO_MODEL;
  return null;
}

/** Unsent text per thread, kept while switching threads. */
export const drafts = new Map<string, string>();
