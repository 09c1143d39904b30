import type { AnswerVerdict, ProviderAttestation } from '../../../../main/contract';
import { CLAIM_LABEL, LEVEL_LABEL } from '../../../../main/contract/attestationLabels';

export type Tone = 'neutral' | 'ok' | 'warn' | 'bad';

/** The shield's words and colour for a verdict: what a user reads before opening the transcript. */
export function shieldWords(v: AnswerVerdict): { tone: Tone; text: string; detail: string } {
  if (v.rechecking)
    return { tone: 'neutral', text: 'Re-verifying…', detail: 'Checking the stored evidence again.' };
  switch (v.state) {
    case 'checking':
      return {
        tone: 'neutral',
        text: 'Checking…',
        detail: "Fetching the provider's signature and report for this answer.",
      };
    case 'verified': {
      const claim =
        v.claim === 'signed' || v.claim === 'none'
          ? LEVEL_LABEL[v.level]
          : `${CLAIM_LABEL[v.claim]} · ${LEVEL_LABEL[v.level]}`;
      return {
        tone: 'ok',
        text: `Verified: ${claim}`,
        detail: v.reason ?? `Verified to ${LEVEL_LABEL[v.level]}.`,
      };
    }
    case 'degraded':
      return {
        tone: 'warn',
        text:
          v.level === 'unverified'
            ? v.claim === 'provider-attested'
              ? 'Provider attested'
              : 'Not verified'
            : `Degraded: ${LEVEL_LABEL[v.level]}`,
        detail: v.reason ?? '',
      };
    case 'failed': {
      const check = v.checks.find((c) => c.id === v.failedCheck);
      return { tone: 'bad', text: `Failed: ${check?.label ?? 'verification'}`, detail: v.reason ?? '' };
    }
    default:
      return {
        tone: 'neutral',
        text: 'Not verifiable',
        detail: v.reason ?? 'This provider publishes no evidence the app can check.',
      };
  }
}

/** The composer badge's words for the provider's current attestation. */
export function badgeWords(p: ProviderAttestation | undefined): { tone: Tone; text: string; detail: string } {
  if (!p || p.state === 'checking')
    return {
      tone: 'neutral',
      text: 'Checking attestation…',
      detail: "Fetching the provider's report with a fresh nonce.",
    };
  if (p.state === 'verified')
    return { tone: 'ok', text: `Attested: ${LEVEL_LABEL[p.level]}`, detail: p.reason ?? '' };
  if (p.state === 'unsupported')
    return { tone: 'neutral', text: 'No attestation to check', detail: p.reason ?? '' };
  return {
    tone: 'warn',
    text: p.requireVerification ? 'Not verified: sending is blocked' : 'Not verified',
    detail: p.reason ?? '',
  };
}
