import type {
  AttestationClaim,
  AttestationLevel,
  ShieldState,
  TranscriptCheck,
} from '../contract/attestation';
import type { LegacySignature } from './formats/eip191';
import type { ReceiptKey } from './formats/aciReceipt';
import type { GaladrielProof } from './formats/galadriel';
import type { ChannelProbe } from './channel';
import type { CollateralNote, CollateralSet } from './collateral/book';
import type { DcapCollateral, PinnedIdentity } from './evidence';

/**
 * Which evidence a provider publishes. `phala`: the confidential service in front of Phala's
 * gateway (legacy signature + single-layer report); `near`: NEAR AI Cloud (legacy signature +
 * two-layer report); `galadriel`: Ed25519 + AWS Nitro ("notarised"); `generic`: none known,
 * though an `x-receipt-id` header still leads to an ACI receipt.
 */
export type ProviderKind = 'phala' | 'near' | 'galadriel' | 'generic';

export type SignatureEvidence =
  | { format: 'eip191'; value: LegacySignature }
  | { format: 'aci-receipt'; receipt: unknown; keys: ReceiptKey[]; keyset?: unknown }
  | { format: 'galadriel'; proof: GaladrielProof };

export interface VerdictCore {
  state: ShieldState;
  level: AttestationLevel;
  claim: AttestationClaim;
  reason: string | null;
  failedCheck: string | null;
  format: string | null;
  checks: TranscriptCheck[];
}

/**
 * Everything one answer's verdict is computed from, and so the proof a user can hand on:
 * `npm run verify-proof FILE` recomputes `verdict` from the rest, offline.
 */
export interface ProofBundle {
  format: 'llm-desk-proof/1';
  exportedAt: string;
  /** When the verdict was judged (certificates and collateral are checked at this time). */
  judgedAt: string;
  provider: { name: string; kind: ProviderKind; baseUrl: string };
  model: string | null;
  /** The provider flagged the model confidential (a label until proved). */
  labelledConfidential: boolean;
  chatId: string | null;
  request: { url: string; body: string };
  response: { sha256: string; bodyBase64: string | null; receiptId: string | null };
  signature: SignatureEvidence | null;
  /** Why no signature could be had (404, network), when `signature` is null. */
  signatureProblem: string | null;
  report: { endpoint: string; nonce: string; fetchedAt: number; body: unknown } | null;
  reportProblem: string | null;
  /** Intel collateral per report layer, as fetched (or one for the whole report, older proofs). */
  collateral: CollateralSet | DcapCollateral | null;
  /** Where it came from: fetched now, cached, or the PCS unreachable (absent in older proofs). */
  collateralNotes?: CollateralNote[];
  pins: PinnedIdentity[];
  /** The TLS key main saw on the provider's host, or why not (absent in older proofs). */
  channel?: ChannelProbe | null;
  verdict: VerdictCore;
}

export type BundleInput = Omit<ProofBundle, 'format' | 'exportedAt' | 'verdict'>;
