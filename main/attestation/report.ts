/**
 * A provider's report, checked offline (in the evidence worker): NEAR AI Cloud's two layers,
 * Phala's single layer, an ACI gateway's (aci.ts) or Galadriel's Nitro document; what the panel
 * shows and what an answer's signer is held to.
 */
import type { AttestationLevel, TranscriptCheck } from '../contract/attestation';
import { levelRank } from '../contract/attestation';
import { hexToBytes } from './bytes';
import { checkAciReport, isAciReport } from './aci';
import type { ReportCheck, ReportInput } from './reportParts';
import { empty, fromEvidence, isRecord, str, tlsOf } from './reportParts';
import type { CollateralNote, CollateralSet } from './collateral/book';
import type { DcapCollateral, EvidenceLevel, TdxVerdict } from './evidence';
import {
  bindAddressAndNonce,
  verifyGpuEvidence,
  verifyNearReport,
  verifyNitroDocument,
  verifyTdxReport,
} from './evidence';

export type { ReportCheck, ReportInput } from './reportParts';

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
