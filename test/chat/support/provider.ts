import type { AuthKind, PresetId, Provider, Timeouts } from '../../../main/contract';

/** A provider profile as the providers service would return it, pointing at a test server. */
export function makeProvider(
  baseUrl: string,
  preset: PresetId,
  authKind: AuthKind,
  timeouts?: Timeouts,
): Provider {
  return {
    id: 'p1',
    name: `${preset} (test)`,
    preset,
    baseUrl,
    authKind,
    headers: { 'x-client': 'llm-desk-tests' },
    timeouts: timeouts ?? { connectMs: 5000, firstByteMs: 5000, idleMs: 5000 },
    oauth: null,
    modelOverrides: {},
    position: 0,
    baseUrlWarning: null,
    credential: {
      configured: true,
      kind: authKind,
      hint: '…abcd',
      scopes: null,
      expiresAt: null,
      subject: null,
      problem: null,
      keychainAvailable: true,
    },
    createdAt: 0,
    updatedAt: 0,
  };
}
