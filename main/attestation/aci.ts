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
import type { ReportCheck, ReportInput } from './report';
import { attestedTlsKeys, fromEvidence } from './report';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export const isAciReport = (body: unknown): boolean => isRecord(body) && body.api_version === 'aci/1';

/** The upstream quote a receipt's `upstream.verified` event carries, if any. */
function upstreamEvent(receipt: unknown): Record<string, unknown> | null {
  const log = isRecord(receipt) && Array.isArray(receipt.event_log) ? receipt.event_log : [];
  return log.filter(isRecord).find((e) => e.type === 'upstream.verified') ?? null;
}

function line(
  id: string,
  label: string,
  status: TranscriptCheck['status'],
  reason: string,
  at: string,
  level: TranscriptCheck['level'] = 'hardware-bound',
): TranscriptCheck {
  return { id, label, status, reason, at, level };
}

/** The upstream's evidence: whether `upstream.verified` may count, and the lines that say why. */
function checkUpstream(input: ReportInput, at: string): { verified: boolean; checks: TranscriptCheck[] } {
  const event = upstreamEvent(input.receipt);
  if (event === null)
    return {
      verified: false,
      checks: [
        line(
          'upstream.evidence',
          'Upstream model node',
          'skip',
          'The receipt has no upstream.verified event: the gateway does not say it verified the model node.',
          at,
        ),
      ],
    };
  const session = str(event.session_id) ?? '';
  if (event.result !== 'verified')
    return {
      verified: false,
      checks: [
        line(
          'upstream.evidence',
          'Upstream model node',
          'fail',
          `The receipt says the upstream check gave "${String(event.result)}".`,
          at,
        ),
      ],
    };
  const evidence = isRecord(event.evidence) ? event.evidence : {};
  const quoteHex = str(event.quote) ?? str(evidence.quote);
  if (quoteHex === undefined)
    return {
      verified: false,
      checks: [
        line(
          'upstream.evidence',
          'Upstream model node',
          'warn',
          `The receipt says upstream.verified = verified for session ${short(session)}, but carries no upstream quote (only the session id): that is the gateway's word, so the answer is "provider attested" at most.`,
          at,
        ),
      ],
    };
  if (!/^[0-9a-f]{64}$/i.test(session))
    return {
      verified: false,
      checks: [
        line(
          'upstream.evidence',
          'Upstream model node',
          'fail',
          'The upstream quote names no 32-byte session id to bind.',
          at,
        ),
      ],
    };
  const tdx = verifyTdxReport({
    quote: hexToBytes(quoteHex) ?? new Uint8Array(),
    now: input.now,
    binding: bindDigest(session, 'session id'),
  });
  const checks = fromEvidence(tdx.checks, 'upstream');
  return { verified: tdx.reached.hardwareBound, checks };
}

/** Checks an ACI report against our nonce; the receipt keys it attests sign at the quote's level. */
export function checkAciReport(input: ReportInput): ReportCheck {
  const at = input.now.toISOString();
  const body = isRecord(input.body) ? input.body : {};
  const attestation = isRecord(body.attestation) ? body.attestation : {};
  const keyset = attestation.workload_keyset;
  const checks: TranscriptCheck[] = [];
  const digest = keysetDigest(keyset);
  const named = str(body.workload_keyset_digest);
  const keysetOk = digest !== null && digest === named;
  checks.push(
    keysetOk
      ? line(
          'aci.keyset',
          'Workload keyset',
          'pass',
          `The report's keyset hashes to the digest it names (sha256:${short(digest.slice(7))}).`,
          at,
        )
      : line(
          'aci.keyset',
          'Workload keyset',
          'fail',
          `The report's keyset hashes to ${digest ?? 'nothing readable'}, but it names ${named ?? 'no digest'}.`,
          at,
        ),
  );
  const statement =
    canonicalize({ keyset_digest: named ?? null, nonce: input.nonce, purpose: 'aci.report_data.v1' }) ?? '';
  const expected = sha256Hex(statement);
  const reportData = str(attestation.report_data)?.toLowerCase();
  const dataOk = reportData === expected;
  checks.push(
    dataOk
      ? line(
          'aci.report_data',
          'Key and nonce binding',
          'pass',
          'report_data is sha256 of the statement with the keyset and our nonce.',
          at,
        )
      : line(
          'aci.report_data',
          'Key and nonce binding',
          'fail',
          `report_data ${short(reportData ?? 'absent')} is not sha256 of the statement with our nonce (${short(expected)}): the report was made for another nonce or keyset.`,
          at,
        ),
  );
  const evidence = isRecord(attestation.evidence) ? attestation.evidence : {};
  const channel = input.channel;
  const tdx = verifyTdxReport({
    quote: hexToBytes(str(evidence.quote) ?? '') ?? new Uint8Array(),
    now: input.now,
    binding: bindDigest(expected),
    pinned: input.pins,
    ...(channel?.spkiSha256
      ? { tls: { connectedKeySha256: channel.spkiSha256, attestedKeySha256: attestedTlsKeys(keyset) } }
      : channel
        ? { tlsUnavailable: `no TLS key to compare: ${channel.problem}` }
        : {}),
  });
  checks.push(...fromEvidence(tdx.checks));
  const level = keysetOk && dataOk ? tdx.level : 'unverified';
  const keys =
    isRecord(keyset) && Array.isArray(keyset.receipt_signing_keys) ? keyset.receipt_signing_keys : [];
  const upstream = checkUpstream(input, at);
  checks.push(...upstream.checks);
  return {
    checks,
    level,
    signers: keys
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
