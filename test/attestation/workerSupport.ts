import type { EvidenceWorkerSpec } from '../../main/attestation/worker/client';

/** The evidence worker's TypeScript source, run through tsx as the bundled one runs in the app. */
export const sourceEvidenceWorker = (): EvidenceWorkerSpec => ({
  url: new URL('../../main/attestation/evidenceWorker.ts', import.meta.url),
  execArgv: ['--import', 'tsx'],
});
