import type { AuthKind, PresetId, Provider, Timeouts } from '../../../main/contract';
import { providerFixture } from '../../fixtures/provider';

/** A provider profile as the providers service would return it, pointing at a test server. */
export function makeProvider(
  baseUrl: string,
  preset: PresetId,
  authKind: AuthKind,
  timeouts?: Timeouts,
): Provider {
  return providerFixture({
    name: `${preset} (test)`,
    preset,
    baseUrl,
    authKind,
    headers: { 'x-client': 'llm-desk-tests' },
    ...(timeouts ? { timeouts } : {}),
  });
}
