// Zod-free, so the window can name levels without the attestation schemas in its first bundle.
import type { AttestationClaim, AttestationLevel } from './attestation';

export const LEVEL_LABEL: Record<AttestationLevel, string> = {
  unverified: 'Unverified',
  signed: 'Signed',
  'hardware-bound': 'Hardware-bound',
  'attested-current': 'Attested and current',
  'known-code': 'Known code',
  'channel-bound': 'Channel bound',
};

export const CLAIM_LABEL: Record<AttestationClaim, string> = {
  confidential: 'Confidential',
  'provider-attested': 'Provider attested',
  notarised: 'Notarised',
  signed: 'Signed',
  none: 'Not verified',
};
