import { afterAll, beforeAll } from 'vitest';
import type { AttestationOptions } from '../../main/attestation/service';
import type { MockProvider } from '../mock-provider';
import { startMockProvider } from '../mock-provider';
import type { AttestApp } from '../support/app';
import { startAttestApp } from '../support/app';

export interface AttestFixture {
  readonly mock: MockProvider;
  readonly app: AttestApp;
}

/**
 * One mock provider and one app checking its answers, for every test of the file (or of the
 * describe it is called in): the setup the attestation integration tests share. The app's
 * evidence worker may take a while to start on a loaded machine, hence the hook's timeout.
 */
export function useAttestApp(attestation?: AttestationOptions, timeoutMs = 60_000): AttestFixture {
  let mock: MockProvider | null = null;
  let app: AttestApp | null = null;
  beforeAll(async () => {
    mock = await startMockProvider({ chunkDelayMs: 0 });
    app = await startAttestApp(mock, undefined, attestation);
  }, timeoutMs);
  afterAll(async () => {
    await app?.close();
    await mock?.close();
  });
  return {
    get mock() {
      if (!mock) throw new Error('the mock provider starts in beforeAll');
      return mock;
    },
    get app() {
      if (!app) throw new Error('the app starts in beforeAll');
      return app;
    },
  };
}
