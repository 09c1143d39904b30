import type { AttestationLevel, TranscriptCheck } from '../contract/attestation';
import { LEVEL_LABEL, levelRank } from '../contract/attestation';
import { bytesToHex, sha256Hex, short } from './bytes';
import type { BundleInput, VerdictCore } from './bundle';
import { CheckList } from './checks';
import { verifyAciReceipt } from './formats/aciReceipt';
import type { RecoveredSigner } from './formats/eip191';
import { verifyLegacySignature } from './formats/eip191';
import { galadrielKey, verifyGaladriel } from './formats/galadriel';
import type { ReportCheck } from './report';
import type { CheckJob } from './worker/protocol';
import { runEvidenceJob } from './worker/run';

/** The signature step: which format, the signer it proved, and (ACI) the upstream verdict. */
function checkSignature(
  input: BundleInput,
  list: CheckList,
  responseBytes: Buffer | null,
  recovered: RecoveredSigner | undefined,
): { signer: string | null; upstreamVerified: boolean | null } {
  const { signature } = input;
  const requestBody = input.request.body;
  const responseSha256 = input.response.sha256;
  if (signature === null) {
    list.fail(
      'sig.available',
      'Signature',
      input.signatureProblem ?? 'The provider published no signature for this answer.',
    );
    return { signer: null, upstreamVerified: null };
  }
  if (signature.format === 'eip191')
    return {
      signer: verifyLegacySignature(list, {
        requestBody,
        responseSha256,
        signature: signature.value,
        ...(recovered ? { recovered } : {}),
      }),
      upstreamVerified: null,
    };
  if (signature.format === 'aci-receipt') {
    const out = verifyAciReceipt(list, { ...signature, requestBody, responseSha256 });
    const keyId = (signature.receipt as { key_id?: unknown }).key_id;
    return {
      signer: out.signed && typeof keyId === 'string' ? keyId : null,
      upstreamVerified: out.upstreamVerified,
    };
  }
  if (responseBytes === null) {
    list.fail(
      'sig.binding',
      'Request and response hash',
      'The response bytes were not kept, so the signed hash cannot be recomputed.',
    );
    return { signer: null, upstreamVerified: null };
  }
  return {
    // Only Galadriel signs the response's text; the others sign its hash (the bytes stay bytes).
    signer: verifyGaladriel(list, {
      requestBody,
      responseBody: responseBytes.toString('utf8'),
      proof: signature.proof,
    }),
    upstreamVerified: null,
  };
}

/** The evidence check an answer's level rests on (a report, or Galadriel's Nitro document), if any. */
export function hardwareJob(input: BundleInput, now: Date): CheckJob | null {
  const { signature } = input;
  if (signature?.format === 'galadriel') {
    const key = galadrielKey(signature.proof.public_key);
    return signature.proof.attestation && key
      ? { kind: 'nitro', attestation: signature.proof.attestation, signer: bytesToHex(key), now }
      : null;
  }
  if (input.report === null) return null;
  return {
    kind: 'report',
    input: {
      body: input.report.body,
      nonce: input.report.nonce,
      now,
      collateral: input.collateral,
      ...(input.collateralNotes ? { collateralNotes: input.collateralNotes } : {}),
      pins: input.pins,
      model: input.model,
      ...(input.channel !== undefined ? { channel: input.channel } : {}),
      ...(signature?.format === 'aci-receipt' ? { receipt: signature.receipt } : {}),
    },
  };
}

const firstNotPassing = (checks: TranscriptCheck[], above: AttestationLevel): TranscriptCheck | undefined =>
  checks.find(
    (c) =>
      !c.supplementary &&
      levelRank(c.level) > levelRank(above) &&
      (c.status === 'fail' || c.status === 'warn'),
  );

/**
 * One answer's verdict from its evidence, offline and deterministic for a given `now`: the app,
 * the proof export and `npm run verify-proof` all call this. Fail closed: anything unsupported or
 * failing leaves the answer Unverified and says why. `recovered`: the EIP-191 signer as the
 * evidence worker recovered it (signer.ts), for a key main did not know yet.
 */
export function judgeAnswer(
  input: BundleInput,
  now: Date,
  checked?: ReportCheck | null,
  recovered?: RecoveredSigner,
): VerdictCore {
  const list = new CheckList(now, 'signed');
  const format = input.signature?.format ?? null;
  let responseBytes: Buffer | null = null;
  if (input.response.bodyBase64 !== null) {
    const bytes = Buffer.from(input.response.bodyBase64, 'base64');
    responseBytes = bytes;
    const hash = sha256Hex(new Uint8Array(bytes));
    if (hash === input.response.sha256.toLowerCase())
      list.pass(
        'response.bytes',
        'Response bytes',
        `The kept response bytes hash to ${short(hash)}, as received.`,
      );
    else
      list.fail(
        'response.bytes',
        'Response bytes',
        `The kept response bytes hash to ${short(hash)}, not to ${short(input.response.sha256)} as received: they were changed.`,
      );
  }
  const { signer, upstreamVerified } = checkSignature(input, list, responseBytes, recovered);
  const signedChecks = list.checks;
  const failed = signedChecks.find((c) => c.status === 'fail');
  const labelled = input.labelledConfidential;
  if (input.signature === null) {
    return {
      state: 'degraded',
      level: 'unverified',
      claim: labelled ? 'provider-attested' : 'none',
      reason: labelled
        ? `Provider attested at most: ${failed?.reason ?? 'no signature'} The model is confidential by the provider's word only.`
        : (failed?.reason ?? null),
      failedCheck: null,
      format,
      checks: signedChecks,
    };
  }
  if (failed !== undefined || signer === null) {
    return {
      state: 'failed',
      level: 'unverified',
      claim: 'none',
      reason: failed ? `${failed.label}: ${failed.reason}` : 'The signature did not verify.',
      failedCheck: failed?.id ?? 'sig.signature',
      format,
      checks: signedChecks,
    };
  }
  const checks = [...signedChecks];
  // The app checks the report in the evidence worker beforehand (`checked`); the CLI here.
  const job = checked === undefined ? hardwareJob(input, now) : null;
  const report = checked === undefined ? (job ? runEvidenceJob(job) : null) : checked;
  let level: AttestationLevel = 'signed';
  const at = now.toISOString();
  if (report === null) {
    checks.push({
      id: 'report.available',
      label: 'Attestation report',
      status: 'fail',
      reason: input.reportProblem ?? 'No attestation report was available.',
      at,
      level: 'hardware-bound',
    });
  } else {
    checks.push(...report.checks);
    const bound = report.signers.find((s) => s.address.toLowerCase() === signer.toLowerCase());
    if (bound && levelRank(bound.level) >= levelRank('hardware-bound')) {
      checks.push({
        id: 'signer.attested',
        label: 'Signer in the report',
        status: 'pass',
        reason: `The report binds ${short(signer)} (${bound.name}) to our nonce in hardware.`,
        at,
        level: 'hardware-bound',
      });
      level = bound.level;
    } else {
      const named = report.signers.map((s) => `${short(s.address)} (${s.name})`).join(', ');
      checks.push({
        id: 'signer.attested',
        label: 'Signer in the report',
        status: 'fail',
        reason: bound
          ? `The report names ${short(signer)} but its evidence did not verify to hardware-bound.`
          : `The answer was signed by ${short(signer)}, which the report does not bind${named ? ` (it binds ${named} only)` : ''}.`,
        at,
        level: 'hardware-bound',
      });
    }
  }
  if (!checks.some((c) => c.id.endsWith('tls.key')))
    checks.push({
      id: 'tls.key',
      label: 'TLS key attested',
      status: 'skip',
      reason: input.channel?.problem
        ? `No TLS key to compare: ${input.channel.problem}.`
        : input.channel
          ? `The app connected to ${input.channel.host} with key ${short(input.channel.spkiSha256 ?? '')}, but there is no attested key set to find it in.`
          : 'The TLS key the app connected to was not recorded, so channel binding is not checked.',
      at,
      level: 'channel-bound',
    });
  const kind = input.provider.kind;
  let claim: VerdictCore['claim'] = 'signed';
  let claimReason: string | null = null;
  if (kind === 'galadriel') claim = levelRank(level) >= levelRank('hardware-bound') ? 'notarised' : 'signed';
  else if (levelRank(level) >= levelRank('hardware-bound')) {
    if (format === 'aci-receipt' && (upstreamVerified !== true || report?.upstreamVerified !== true)) {
      claim = 'provider-attested';
      const upstream = checks.find((c) => c.id === 'upstream.evidence' || c.id.startsWith('upstream.'));
      claimReason =
        upstreamVerified !== true
          ? "Provider attested: the gateway's receipt does not say the upstream model node was verified (upstream.verified)."
          : `Provider attested: upstream.verified cannot apply: ${upstream && upstream.status !== 'pass' ? upstream.reason : 'the upstream quote did not verify.'}`;
    } else claim = 'confidential';
  }
  const stop = firstNotPassing(checks, level);
  const pinChanged = checks.find((c) => c.id.endsWith('pin.identity') && c.status === 'fail');
  const warned = checks.find(
    (c) =>
      c.status === 'warn' && !c.id.endsWith('pin.identity') && levelRank(c.level) <= levelRank(level) + 1,
  );
  const trouble = pinChanged ?? warned;
  return {
    state: trouble ? 'degraded' : 'verified',
    level,
    claim,
    reason: trouble
      ? `${trouble.label}: ${trouble.reason}`
      : (claimReason ?? (stop ? `Stops at ${LEVEL_LABEL[level]}: ${stop.label}: ${stop.reason}` : null)),
    failedCheck: null,
    format,
    checks,
  };
}
