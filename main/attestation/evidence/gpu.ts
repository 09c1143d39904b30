import type { GpuVerdict, GpuVerifyInput } from './types';
import { Transcript } from './checks';

/** Placeholder while the verifier lands. */
export function verifyGpuEvidence(input: GpuVerifyInput): GpuVerdict {
  const t = new Transcript(input.now);
  t.skip('gpu.payload', 'GPU evidence', 'GPU verification is not built yet');
  return { checks: t.checks, ok: false, gpus: [] };
}
