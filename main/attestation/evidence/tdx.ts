import type { TdxVerdict, TdxVerifyInput } from './types';
import { Transcript } from './checks';

/** Placeholder while the verifier lands: the seam compiles and says it is unverified. */
export function verifyTdxReport(input: TdxVerifyInput): TdxVerdict {
  const t = new Transcript(input.now);
  t.skip('quote.parse', 'Quote', 'TDX verification is not built yet');
  return {
    checks: t.checks,
    level: 'unverified',
    reached: { hardwareBound: false, attestedCurrent: false, knownCode: false, channelBound: false },
    pckChain: [],
  };
}
