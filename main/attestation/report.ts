import type { AttestationLevel, TranscriptCheck } from '../contract/attestation';
import { levelRank } from '../contract/attestation';
import { hexToBytes } from './bytes';
import { checkAciReport, isAciReport } from './aci';
import type { ChannelProbe } from './channel';
import type { CollateralNote, CollateralSet } from './collateral/book';
import type {
  Check,
  CertSummary,
  DcapCollateral,
  EvidenceLevel,
  TlsBinding,
  PinnedIdentity,
  TdxVerdict,
} from './evidence';
import {
  bindAddressAndNonce,
  verifyGpuEvidence,
  verifyNearReport,
  verifyNitroDocument,
  verifyTdxReport,
} from './evidence';

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
function tlsOf(input: ReportInput, attested: string[]): { tls?: TlsBinding; tlsUnavailable?: string } {
  const channel = input.channel;
  if (!channel) return {};
  if (channel.spkiSha256 === null) return { tlsUnavailable: `no TLS key to compare: ${channel.problem}` };
  return { tls: { connectedKeySha256: channel.spkiSha256, attestedKeySha256: attested } };
}

const layersOf = (c: ReportInput['collateral']): CollateralSet =>
  c == null ? {} : 'tcb_info' in c ? { single: c as DcapCollateral, gateway: c as DcapCollateral } : c;

/** The collateral-source lines of one layer, as transcript lines. */
function sourceLines(input: ReportInput, layer: CollateralNote['layer'], prefix = ''): TranscriptCheck[] {
  const at = input.now.toISOString();
  return fromEvidence(
    (input.collateralNotes ?? [])
      .filter((n) => n.layer === layer)
      .map((n) => ({
        id: 'collateral.source',
        label: 'Intel collateral',
        status: n.status,
        reason: n.reason,
        at,
      })),
    prefix,
  );
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

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

export const fromEvidenceLevel = (level: EvidenceLevel): AttestationLevel => level;

const lowest = (levels: AttestationLevel[]): AttestationLevel =>
  levels.reduce<AttestationLevel>((a, b) => (levelRank(a) <= levelRank(b) ? a : b), 'channel-bound');

function tdxExtras(name: string, verdict: TdxVerdict): Pick<ReportCheck, 'measurements' | 'chains'> {
  const m = verdict.quote?.measurements;
  const measurements = m
    ? (['mrtd', 'rtmr0', 'rtmr1', 'rtmr2', 'rtmr3', 'mrConfigId', 'tdAttributes', 'reportData'] as const).map(
        (k) => ({
          name: `${name} ${k}`,
          value: m[k],
        }),
      )
    : [];
  return {
    measurements,
    chains:
      verdict.pckChain.length > 0 ? [{ name: `${name} PCK chain`, certificates: verdict.pckChain }] : [],
  };
}

const empty = (checks: TranscriptCheck[]): ReportCheck => ({
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

function infoOf(entry: Record<string, unknown>): { compose?: string; appId?: string; composeHash?: string } {
  const info = isRecord(entry.info) ? entry.info : {};
  const tcb = isRecord(info.tcb_info) ? info.tcb_info : {};
  return { compose: str(tcb.app_compose), appId: str(info.app_id), composeHash: str(info.compose_hash) };
}

/**
 * Checks a provider's attestation report against the nonce we generated. NEAR AI Cloud's
 * two-layer report (`model_attestations`) goes to `verifyNearReport`; Phala's single-layer one
 * (`signing_address` + `intel_quote`) to `verifyTdxReport` with the address ‖ nonce binding and
 * the GPU evidence as supplementary lines.
 */
export function checkReport(input: ReportInput): ReportCheck {
  const { body, nonce, now } = input;
  const at = now.toISOString();
  if (!isRecord(body)) {
    return empty([
      {
        id: 'report.parse',
        label: 'Report',
        status: 'fail',
        reason: 'The report is not a JSON object.',
        at,
        level: 'hardware-bound',
      },
    ]);
  }
  const collateral = layersOf(input.collateral);
  if (isAciReport(body)) return checkAciReport(input);
  if (Array.isArray(body.model_attestations)) {
    const v = verifyNearReport({
      report: body,
      nonce,
      now,
      pinned: input.pins,
      collateral: { gateway: collateral.gateway, model: collateral.model },
      ...tlsOf(input, []),
    });
    const models = v.models.filter(
      (m) => !input.model || m.modelName === input.model || v.models.length === 1,
    );
    const signers = [
      ...models.map((m) => ({
        address: (m.signingAddress ?? '').toLowerCase(),
        level: m.level as AttestationLevel,
        name: m.modelName,
      })),
      {
        address: (v.gateway.signingAddress ?? '').toLowerCase(),
        level: v.gateway.level as AttestationLevel,
        name: 'gateway',
      },
    ].filter((s) => s.address !== '');
    const first = body.model_attestations.find(isRecord) ?? {};
    const info = infoOf(first);
    const g = tdxExtras('gateway', v.gateway);
    const extras = models.map((m) => tdxExtras(m.modelName, m));
    return {
      checks: [
        ...fromEvidence(v.checks),
        ...sourceLines(input, 'gateway', 'gateway'),
        ...fromEvidence(v.gateway.checks, 'gateway'),
        ...sourceLines(input, 'model', 'model'),
        ...models.flatMap((m) => [
          ...fromEvidence(m.checks, 'model'),
          ...fromEvidence(m.gpu?.checks ?? [], 'model'),
        ]),
      ],
      level: v.models.length === 0 ? 'unverified' : lowest([v.level, ...models.map((m) => m.level)]),
      signers,
      measurements: [...g.measurements, ...extras.flatMap((e) => e.measurements)],
      chains: [
        ...g.chains,
        ...extras.flatMap((e) => e.chains),
        ...models.flatMap((m) =>
          (m.gpu?.gpus ?? [])
            .slice(0, 1)
            .map((gpu) => ({ name: `${m.modelName} GPU ${gpu.index}`, certificates: gpu.chain })),
        ),
      ],
      compose: info.compose ?? null,
      appId: info.appId ?? null,
      composeHash: info.composeHash ?? null,
      signingAddress: str(first.signing_address)?.toLowerCase() ?? null,
    };
  }
  const quoteHex = str(body.intel_quote);
  const address = str(body.signing_address);
  if (quoteHex === undefined || address === undefined) {
    return empty([
      {
        id: 'report.parse',
        label: 'Report',
        status: 'fail',
        reason: 'The report has neither model_attestations nor signing_address + intel_quote.',
        at,
        level: 'hardware-bound',
      },
    ]);
  }
  const info = infoOf(body);
  const tdx = verifyTdxReport({
    quote: hexToBytes(quoteHex) ?? new Uint8Array(),
    now,
    binding: bindAddressAndNonce(address, nonce),
    ...(collateral.single ? { collateral: collateral.single } : {}),
    ...(body.event_log !== undefined ? { eventLog: body.event_log as string | readonly unknown[] } : {}),
    ...(info.compose !== undefined ? { composeFile: info.compose } : {}),
    ...(info.composeHash !== undefined ? { claimedComposeHash: info.composeHash } : {}),
    ...(info.appId !== undefined ? { claimedAppId: info.appId } : {}),
    pinned: input.pins,
    ...tlsOf(input, []),
  });
  const gpu =
    body.nvidia_payload !== undefined
      ? verifyGpuEvidence({ payload: body.nvidia_payload, nonce, now })
      : null;
  const extras = tdxExtras('model', tdx);
  return {
    checks: [
      ...sourceLines(input, 'single'),
      ...fromEvidence(tdx.checks),
      ...fromEvidence(gpu?.checks ?? []),
    ],
    level: tdx.level,
    signers: [{ address: address.toLowerCase(), level: tdx.level, name: input.model ?? 'model' }],
    measurements: extras.measurements,
    chains: [
      ...extras.chains,
      ...(gpu?.gpus ?? []).slice(0, 1).map((g) => ({ name: `GPU ${g.index}`, certificates: g.chain })),
    ],
    compose: info.compose ?? null,
    appId: info.appId ?? null,
    composeHash: info.composeHash ?? null,
    signingAddress: address.toLowerCase(),
  };
}

/** Galadriel: the Nitro document must carry the signer's key; it gives "notarised", never "confidential". */
export function checkNitro(attestationBase64: string, signerKeyHex: string, now: Date): ReportCheck {
  const doc = Buffer.from(attestationBase64, 'base64');
  const v = verifyNitroDocument({ document: new Uint8Array(doc), now, publicKey: signerKeyHex });
  return {
    ...empty(fromEvidence(v.checks)),
    level: v.level,
    signers:
      v.level === 'hardware-bound'
        ? [{ address: signerKeyHex, level: 'hardware-bound', name: 'enclave' }]
        : [],
    chains: v.chain.length > 0 ? [{ name: 'AWS Nitro chain', certificates: v.chain }] : [],
    measurements: Object.entries(v.document?.pcrs ?? {}).map(([k, value]) => ({ name: `PCR${k}`, value })),
  };
}
