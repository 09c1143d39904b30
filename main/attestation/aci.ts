/**
 * An ACI gateway's report (`GET /v1/aci/report?nonce=…`) and the upstream its receipt vouches
 * for. The report must name the digest of its workload keyset, its report_data must be
 * sha256(JCS {keyset_digest, nonce: ours, purpose}), and its quote must carry that report_data and
 * verify like any DCAP quote. A receipt's `upstream.verified` counts only when it carries the
 * upstream's own quote, which is checked with the same verifier and must bind the attested
 * session (report_data = session_id ‖ zeros); otherwise the transcript says why it cannot apply.
 */
import canonicalize from 'canonicalize';
import type { TranscriptCheck } from '../contract/attestation';
import { hexToBytes, sha256Hex, short } from './bytes';
import { bindDigest, verifyTdxReport } from './evidence';
import { keysetDigest } from './formats/aciReceipt';
import type { ReportCheck, ReportInput } from './reportParts';
import { attestedTlsKeys, fromEvidence, isRecord, str, tlsOf } from './reportParts';

/** A member that should be an object, or an empty one: every read below is then optional. */
const record = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});

export const isAciReport = (body: unknown): boolean => isRecord(body) && body.api_version === 'aci/1';

/** The fields of an ACI report the checks read, each read once. */
function reportFields(body: unknown) {
  const report = record(body);
  const attestation = record(report.attestation);
  const keyset = attestation.workload_keyset;
  return {
    keyset,
    named: str(report.workload_keyset_digest),
    reportData: str(attestation.report_data)?.toLowerCase(),
    quoteHex: str(record(attestation.evidence).quote) ?? '',
    receiptKeys: Array.isArray(record(keyset).receipt_signing_keys)
      ? (record(keyset).receipt_signing_keys as unknown[])
      : [],
  };
}

/** The fields of a receipt's `upstream.verified` event, or null when it has none. */
function upstreamFields(receipt: unknown) {
  const log = Array.isArray(record(receipt).event_log) ? (record(receipt).event_log as unknown[]) : [];
  const event = log.filter(isRecord).find((e) => e.type === 'upstream.verified');
  if (event === undefined) return null;
  return {
    result: event.result,
    session: str(event.session_id) ?? '',
    quoteHex: str(event.quote) ?? str(record(event.evidence).quote),
  };
}

function line(
  id: string,
  label: string,
  status: TranscriptCheck['status'],
  reason: string,
  at: string,
): TranscriptCheck {
  return { id, label, status, reason, at, level: 'hardware-bound' };
}

/** A pass or fail line for one check, by whether it held. */
const held = (ok: boolean, id: string, label: string, pass: string, fail: string, at: string) =>
  line(id, label, ok ? 'pass' : 'fail', ok ? pass : fail, at);

/** `upstream.verified` cannot count, and the one line that says why. */
const notUpstream = (status: TranscriptCheck['status'], reason: string, at: string) => ({
  verified: false,
  checks: [line('upstream.evidence', 'Upstream model node', status, reason, at)],
});

/** The upstream's evidence: whether `upstream.verified` may count, and the lines that say why. */
function checkUpstream(input: ReportInput, at: string): { verified: boolean; checks: TranscriptCheck[] } {
  const event = upstreamFields(input.receipt);
  if (event === null)
    return notUpstream(
      'skip',
      'The receipt has no upstream.verified event: the gateway does not say it verified the model node.',
      at,
    );
  if (event.result !== 'verified')
    return notUpstream('fail', `The receipt says the upstream check gave "${String(event.result)}".`, at);
  if (event.quoteHex === undefined)
    return notUpstream(
      'warn',
      `The receipt says upstream.verified = verified for session ${short(event.session)}, but carries no upstream quote (only the session id): that is the gateway's word, so the answer is "provider attested" at most.`,
      at,
    );
  if (!/^[0-9a-f]{64}$/i.test(event.session))
    return notUpstream('fail', 'The upstream quote names no 32-byte session id to bind.', at);
  const tdx = verifyTdxReport({
    quote: hexToBytes(event.quoteHex) ?? new Uint8Array(),
    now: input.now,
    binding: bindDigest(event.session, 'session id'),
  });
  return { verified: tdx.reached.hardwareBound, checks: fromEvidence(tdx.checks, 'upstream') };
}

/** Checks an ACI report against our nonce; the receipt keys it attests sign at the quote's level. */
export function checkAciReport(input: ReportInput): ReportCheck {
  const at = input.now.toISOString();
  const { keyset, named, reportData, quoteHex, receiptKeys } = reportFields(input.body);
  const digest = keysetDigest(keyset);
  const keysetOk = digest !== null && digest === named;
  const statement =
    canonicalize({ keyset_digest: named ?? null, nonce: input.nonce, purpose: 'aci.report_data.v1' }) ?? '';
  const expected = sha256Hex(statement);
  const dataOk = reportData === expected;
  const checks: TranscriptCheck[] = [
    held(
      keysetOk,
      'aci.keyset',
      'Workload keyset',
      `The report's keyset hashes to the digest it names (sha256:${short(digest?.slice(7) ?? '')}).`,
      `The report's keyset hashes to ${digest ?? 'nothing readable'}, but it names ${named ?? 'no digest'}.`,
      at,
    ),
    held(
      dataOk,
      'aci.report_data',
      'Key and nonce binding',
      'report_data is sha256 of the statement with the keyset and our nonce.',
      `report_data ${short(reportData ?? 'absent')} is not sha256 of the statement with our nonce (${short(expected)}): the report was made for another nonce or keyset.`,
      at,
    ),
  ];
  const tdx = verifyTdxReport({
    quote: hexToBytes(quoteHex) ?? new Uint8Array(),
    now: input.now,
    binding: bindDigest(expected),
    pinned: input.pins,
    ...tlsOf(input, attestedTlsKeys(keyset)),
  });
  checks.push(...fromEvidence(tdx.checks));
  const level = keysetOk && dataOk ? tdx.level : 'unverified';
  const upstream = checkUpstream(input, at);
  checks.push(...upstream.checks);
  return {
    checks,
    level,
    signers: receiptKeys
      .filter(isRecord)
      .map((k) => str(k.key_id))
      .filter((id): id is string => id !== undefined)
      .map((address) => ({ address, level, name: 'gateway receipt key' })),
    measurements: [],
    chains: tdx.pckChain.length > 0 ? [{ name: 'ACI gateway PCK chain', certificates: tdx.pckChain }] : [],
    compose: null,
    appId: null,
    composeHash: null,
    signingAddress: null,
    upstreamVerified: upstream.verified,
  };
}
