import type { AttestationLevel, AttestationReport, TranscriptCheck } from '../contract/attestation';
import type { ChannelProbe } from './channel';
import type { CollateralNote, CollateralSet } from './collateral/book';
import type { Check, CertSummary, DcapCollateral, PinnedIdentity, TlsBinding } from './evidence';

/**
 * What every report check shares, whichever format the report is (NEAR/Phala in report.ts, ACI
 * in aci.ts): its input and result, the optional reads of untrusted JSON, the TLS inputs, and
 * how an evidence check becomes a transcript line.
 */

/** One provider report, checked: what the panel shows and what an answer's signer is held to. */
export interface ReportCheck {
  checks: TranscriptCheck[];
  /** The lowest level across the attested signers (gateway and model). */
  level: AttestationLevel;
  /** Signing addresses / keys the report binds to our nonce at hardware-bound or better, with their level. */
  signers: { address: string; level: AttestationLevel; name: string }[];
  measurements: { name: string; value: string }[];
  chains: { name: string; certificates: CertSummary[] }[];
  compose: string | null;
  appId: string | null;
  composeHash: string | null;
  signingAddress: string | null;
  /** ACI: the receipt's upstream.verified came with an upstream quote that verified. */
  upstreamVerified?: boolean;
}

/** What a provider report is checked with (plain data: it crosses to the evidence worker). */
export interface ReportInput {
  body: unknown;
  nonce: string;
  now: Date;
  /** Per layer (fetched by the app), or one collateral for a single-layer report (older proofs). */
  collateral?: CollateralSet | DcapCollateral | null;
  /** Where each layer's collateral came from (`collateral.source` lines). */
  collateralNotes?: readonly CollateralNote[];
  pins: readonly PinnedIdentity[];
  model?: string | null;
  /** The TLS key main connected to (or why it could not see one): channel binding. */
  channel?: ChannelProbe | null;
  /** An ACI receipt, whose `upstream.verified` the report check weighs. */
  receipt?: unknown;
}

/**
 * The TLS keys (SPKI SHA-256) a report binds. Phala's and NEAR AI Cloud's reports as recorded
 * bind none in report_data (their app certificates are not covered), so they give none here and
 * channel binding is skipped saying so; an ACI keyset's `tls_public_keys` is bound through the
 * keyset digest.
 */
export function attestedTlsKeys(keyset: unknown): string[] {
  if (!isRecord(keyset) || !Array.isArray(keyset.tls_public_keys)) return [];
  return keyset.tls_public_keys
    .map((k) => (isRecord(k) ? str(k.spki_sha256) : undefined))
    .filter((k): k is string => k !== undefined && /^[0-9a-f]{64}$/i.test(k));
}

/** The evidence verifiers' TLS inputs for a report whose attested keys are `attested`. */
export function tlsOf(input: ReportInput, attested: string[]): { tls?: TlsBinding; tlsUnavailable?: string } {
  const channel = input.channel;
  if (!channel) return {};
  if (channel.spkiSha256 === null) return { tlsUnavailable: `no TLS key to compare: ${channel.problem}` };
  return { tls: { connectedKeySha256: channel.spkiSha256, attestedKeySha256: attested } };
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The ladder rung a check counts towards, from its stable id prefix (see evidence/README.md). */
function levelOfCheck(id: string): AttestationLevel {
  if (/^(collateral|tcb|qe)\b/.test(id)) return 'attested-current';
  if (/^(eventlog|compose|pin)\b/.test(id)) return 'known-code';
  if (/^tls\b/.test(id)) return 'channel-bound';
  return 'hardware-bound';
}

export function fromEvidence(checks: readonly Check[], prefix = ''): TranscriptCheck[] {
  return checks.map((c) => ({
    ...c,
    id: prefix ? `${prefix}.${c.id}` : c.id,
    label: prefix ? `${prefix[0]?.toUpperCase() ?? ''}${prefix.slice(1)}: ${c.label}` : c.label,
    level: levelOfCheck(c.id),
    ...(/^gpu\b/.test(c.id) ? { supplementary: true } : {}),
  }));
}

/** What the panel's AttestationReport shows of a checked report (all but its signers). */
export type ShownReport = Pick<
  AttestationReport,
  'level' | 'checks' | 'measurements' | 'chains' | 'compose' | 'appId' | 'composeHash' | 'signingAddress'
>;

export const shownOf = (r: ReportCheck): ShownReport => ({
  level: r.level,
  checks: r.checks,
  measurements: r.measurements,
  chains: r.chains,
  compose: r.compose,
  appId: r.appId,
  composeHash: r.composeHash,
  signingAddress: r.signingAddress,
});

/** A report that reached no level: only its transcript lines say why. */
export const empty = (checks: TranscriptCheck[]): ReportCheck => ({
  checks,
  level: 'unverified',
  signers: [],
  measurements: [],
  chains: [],
  compose: null,
  appId: null,
  composeHash: null,
  signingAddress: null,
});
