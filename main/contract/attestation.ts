import { z } from 'zod';
import { channel } from './define';

/**
 * How far an answer's confidentiality was proved, lowest first. Each level needs the ones below:
 * `signed` the provider's signature covers the exact bytes we sent and received; `hardware-bound`
 * that signing key sits in a hardware quote with our fresh nonce; `attested-current` Intel's
 * collateral says the TCB is up to date; `known-code` the compose file replays and is pinned;
 * `channel-bound` the TLS key we connected to is in the attested set.
 */
export const AttestationLevel = z.enum([
  'unverified',
  'signed',
  'hardware-bound',
  'attested-current',
  'known-code',
  'channel-bound',
]);
export type AttestationLevel = z.infer<typeof AttestationLevel>;

export const CheckStatus = z.enum(['pass', 'fail', 'skip', 'warn']);
export type CheckStatus = z.infer<typeof CheckStatus>;

/** One line of a transcript: a check, how it went, why, when, and the level it counts towards. */
export const TranscriptCheck = z.object({
  id: z.string(),
  label: z.string(),
  status: CheckStatus,
  reason: z.string(),
  /** ISO time the check was judged at. */
  at: z.string(),
  level: AttestationLevel,
  /** GPU lines and the like: shown, never a gate. */
  supplementary: z.boolean().optional(),
});
export type TranscriptCheck = z.infer<typeof TranscriptCheck>;

/** What the answer may be called: "Confidential" needs hardware-bound or better. */
export const AttestationClaim = z.enum(['confidential', 'provider-attested', 'notarised', 'signed', 'none']);
export type AttestationClaim = z.infer<typeof AttestationClaim>;

/** The shield's four states, plus `unsupported` (a provider with no evidence format). */
export const ShieldState = z.enum(['checking', 'verified', 'degraded', 'failed', 'unsupported']);
export type ShieldState = z.infer<typeof ShieldState>;

export const AnswerVerdict = z.object({
  messageId: z.string(),
  providerId: z.string().nullable(),
  model: z.string().nullable(),
  state: ShieldState,
  /** A re-check is running: the shield says "re-verifying", not an alarm. */
  rechecking: z.boolean(),
  level: AttestationLevel,
  claim: AttestationClaim,
  /** The sentence under the shield: the degradation, the failed check, or why the claim stops. */
  reason: z.string().nullable(),
  /** The failing check's id when `state` is `failed`. */
  failedCheck: z.string().nullable(),
  /** Which signature format the provider used, e.g. `eip191` or `aci-receipt`. */
  format: z.string().nullable(),
  checks: z.array(TranscriptCheck),
  at: z.number(),
  /** A proof bundle exists for this answer. */
  exportable: z.boolean(),
});
export type AnswerVerdict = z.infer<typeof AnswerVerdict>;

/** The composer badge: the provider's current attestation. */
export const ProviderAttestation = z.object({
  providerId: z.string(),
  /** `checking` grey, `verified` green (within freshness), `unverified` amber with `reason`. */
  state: z.enum(['checking', 'verified', 'unverified', 'unsupported']),
  level: AttestationLevel,
  reason: z.string().nullable(),
  checkedAt: z.number().nullable(),
  /** Until when a verified attestation counts as current. */
  freshUntil: z.number().nullable(),
  requireVerification: z.boolean(),
});
export type ProviderAttestation = z.infer<typeof ProviderAttestation>;

export const CertificateInfo = z.object({
  subject: z.string(),
  issuer: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  sha256: z.string(),
});

export const PinnedIdentity = z.object({
  providerId: z.string(),
  appId: z.string(),
  composeHash: z.string(),
  /** `trusted` the current pin; `replaced` an older one the user moved away from. */
  status: z.enum(['trusted', 'replaced']),
  firstSeen: z.number(),
  lastSeen: z.number(),
  compose: z.string().nullable(),
});
export type PinnedIdentity = z.infer<typeof PinnedIdentity>;

/** A pinned app whose compose hash changed: the loud warning and its diff. */
export const PinChange = z.object({
  appId: z.string(),
  pinnedHash: z.string(),
  seenHash: z.string(),
  /** Unified diff of the compose files (empty when the pinned text was not kept). */
  diff: z.string(),
});
export type PinChange = z.infer<typeof PinChange>;

/** The Attestation panel: one fresh report, checked. */
export const AttestationReport = z.object({
  providerId: z.string(),
  model: z.string().nullable(),
  endpoint: z.string(),
  nonce: z.string(),
  fetchedAt: z.number(),
  level: AttestationLevel,
  reason: z.string().nullable(),
  checks: z.array(TranscriptCheck),
  measurements: z.array(z.object({ name: z.string(), value: z.string() })),
  chains: z.array(z.object({ name: z.string(), certificates: z.array(CertificateInfo) })),
  compose: z.string().nullable(),
  appId: z.string().nullable(),
  composeHash: z.string().nullable(),
  signingAddress: z.string().nullable(),
  pinChange: PinChange.nullable(),
  pins: z.array(PinnedIdentity),
});
export type AttestationReport = z.infer<typeof AttestationReport>;

const MessageRef = z.object({ messageId: z.string().min(1).max(200) });
/**
 * The shields of a thread's answers are asked for together: one call per answer meant thousands
 * of calls (and a store update each) while a 10,000-message thread scrolled by.
 */
export const ANSWERS_PER_CALL = 500;
const ProviderRef = z.object({
  providerId: z.string().min(1).max(200),
  model: z.string().min(1).max(300).optional(),
});

/** Where a provider's Intel collateral (TCB info, QE identity, CRLs) is fetched from. */
export const CollateralSetting = z.object({
  providerId: z.string(),
  /** The provider's own PCCS base URL; null uses the app's source. */
  url: z.string().nullable(),
  /** The source in use: the provider's, else the app's (null: collateral is never fetched). */
  effective: z.string().nullable(),
});
export type CollateralSetting = z.infer<typeof CollateralSetting>;

export const attestationChannels = {
  /** The verdict of one answer (null: no verification was attempted for it). */
  'attestation:answers': channel(
    z.object({ messageIds: z.array(MessageRef.shape.messageId).min(1).max(ANSWERS_PER_CALL) }),
    z.record(z.string(), AnswerVerdict.nullable()),
  ),
  /** Checks an answer again from its stored bytes; the shield shows "re-verifying" meanwhile. */
  'attestation:reverify': channel(MessageRef, AnswerVerdict),
  /** The answer's proof bundle (JSON) for `npm run verify-proof`. */
  'attestation:exportProof': channel(MessageRef, z.object({ fileName: z.string(), text: z.string() })),
  /** The composer badge: the provider's current attestation (checked again when stale). */
  'attestation:provider': channel(ProviderRef, ProviderAttestation),
  /** Fetches the provider's report with a fresh nonce and checks it, for the panel. */
  'attestation:check': channel(ProviderRef, AttestationReport),
  /** "Require verification": an unverified provider then refuses to send. */
  'attestation:setRequire': channel(
    z.object({ providerId: z.string().min(1).max(200), require: z.boolean() }),
    ProviderAttestation,
  ),
  /** The provider's collateral source, and the one in effect. */
  'attestation:collateral': channel(z.object({ providerId: z.string().min(1).max(200) }), CollateralSetting),
  /** Sets a PCCS base URL for this provider (https; http only on this machine), or null for the app's. */
  'attestation:setCollateral': channel(
    z.object({ providerId: z.string().min(1).max(200), url: z.string().max(2000).nullable() }),
    CollateralSetting,
  ),
  /** Pinned identities with their history. */
  'attestation:pins': channel(z.object({ providerId: z.string().min(1).max(200) }), z.array(PinnedIdentity)),
  /** Trusts an app id + compose hash (first use, or accepting a change after reading the diff). */
  'attestation:pin': channel(
    z.object({
      providerId: z.string().min(1).max(200),
      appId: z.string().min(1).max(200),
      composeHash: z
        .string()
        .length(64)
        .regex(/^[0-9a-f]{64}$/, 'a 64-digit hex compose hash'),
      compose: z.string().max(1_000_000).nullable().default(null),
    }),
    z.array(PinnedIdentity),
  ),
};

export const attestationEvents = {
  /** To all: an answer's verdict or a provider's attestation changed. */
  'attestation:changed': z.object({
    providerId: z.string().nullable(),
    verdict: AnswerVerdict.nullable(),
    provider: ProviderAttestation.nullable(),
  }),
};

/** The level names the UI, the transcript and the CLI print. */
export { CLAIM_LABEL, LEVEL_LABEL } from './attestationLabels';

export const levelRank = (level: AttestationLevel): number => AttestationLevel.options.indexOf(level);
