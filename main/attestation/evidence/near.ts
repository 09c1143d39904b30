/**
 * NEAR AI Cloud's two-layer report (`GET /v1/attestation/report`): the gateway's TDX quote, then
 * per model its TDX quote, the signing key behind its address, the compose manager's quote and
 * the GPUs' evidence, all over our nonce. One certificate cache serves the whole report.
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import type { Check, EvidenceLevel, NearReportInput, NearVerdict, TdxVerdict, TdxVerifyInput } from './types';
import { Transcript, boundary } from './checks';
import { EvidenceError, fromHex, toHex } from './bytes';
import { bindAddressAndNonce, bindHashAndNonce } from './binding';
import { createCertCache, type CertCache } from './certs';
import { verifyGpuEvidence } from './gpu';
import { arr, obj, parseJson, str, type Json } from './json';
import { MAX_QUOTE_BYTES } from './quote';
import { unverifiedTdx, verifyTdxReport } from './tdx';

const MAX_MODELS = 16;
const ORDER: EvidenceLevel[] = [
  'unverified',
  'hardware-bound',
  'attested-current',
  'known-code',
  'channel-bound',
];

function quoteBytes(hex: unknown, what: string): Uint8Array {
  const text = str(hex, what);
  if (text.length > MAX_QUOTE_BYTES * 2)
    throw new EvidenceError(`${what} is longer than ${MAX_QUOTE_BYTES} bytes`);
  return fromHex(text, what);
}

function optionalString(o: Json | undefined, key: string): string | undefined {
  const v = o?.[key];
  return typeof v === 'string' ? v : undefined;
}

function optionalObject(v: unknown): Json | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
}

/** One TDX layer; a failure to read its fields becomes a failed `quote.parse` of that layer. */
function layer(
  entry: Json,
  what: string,
  input: NearReportInput,
  extra: Partial<TdxVerifyInput>,
  cache: CertCache,
): TdxVerdict {
  const info = optionalObject(entry.info);
  const tcb = optionalObject(info?.tcb_info);
  let quote: Uint8Array;
  let binding: TdxVerifyInput['binding'];
  const t = new Transcript(input.now);
  try {
    quote = quoteBytes(entry.intel_quote ?? entry.quote, `${what} quote`);
    binding =
      extra.binding ??
      bindAddressAndNonce(str(entry.signing_address, `${what} signing_address`), input.nonce);
  } catch (error) {
    t.fail('quote.parse', 'Quote', error instanceof EvidenceError ? error.message : `${what} is unreadable`);
    return { ...unverifiedTdx(), checks: t.checks };
  }
  const eventLog = entry.event_log;
  return verifyTdxReport(
    {
      quote,
      now: input.now,
      binding,
      eventLog: typeof eventLog === 'string' || Array.isArray(eventLog) ? eventLog : undefined,
      composeFile: optionalString(tcb, 'app_compose'),
      claimedComposeHash: optionalString(info, 'compose_hash'),
      claimedAppId: optionalString(info, 'app_id'),
      pinned: input.pinned,
      tls: input.tls,
      tlsUnavailable: input.tlsUnavailable,
      ...extra,
    },
    cache,
  );
}

function prefixed(prefix: string, checks: Check[]): Check[] {
  return checks.map((c) => ({ ...c, id: `${prefix}.${c.id}` }));
}

/** keccak256(64-byte secp256k1 key)[12..] is the Ethereum address the model signs with. */
function signingKeyCheck(t: Transcript, id: string, model: Json): boolean {
  return t.guard(id, 'Signing key matches the address', () => {
    if (model.signing_public_key === undefined)
      return t.skip(id, 'Signing key matches the address', 'the report gives no signing_public_key');
    const key = fromHex(str(model.signing_public_key, 'signing_public_key'), 'signing_public_key');
    const raw = key.length === 65 && key[0] === 4 ? key.subarray(1) : key;
    if (raw.length !== 64)
      throw new EvidenceError(`signing_public_key is ${key.length} bytes, not a 64-byte secp256k1 point`);
    const address = `0x${toHex(keccak_256(raw).subarray(12))}`;
    const claimed = str(model.signing_address, 'signing_address').toLowerCase();
    if (address !== claimed)
      return t.fail(
        id,
        'Signing key matches the address',
        `signing_public_key hashes to ${address}, the report says ${claimed}`,
      );
    return t.pass(id, 'Signing key matches the address', `signing_public_key is the key of ${address}`);
  });
}

const lowest = (levels: EvidenceLevel[]): EvidenceLevel =>
  levels.reduce((a, b) => (ORDER.indexOf(a) <= ORDER.indexOf(b) ? a : b), 'channel-bound');

function runNearReport(input: NearReportInput): NearVerdict {
  const t = new Transcript(input.now);
  const transcript: Check[] = [];
  const verdict: NearVerdict = {
    checks: t.checks,
    transcript,
    gateway: unverifiedTdx(),
    models: [],
    level: 'unverified',
  };
  let report: Json = {};
  let models: unknown[] = [];
  const ok = t.guard('near.parse', 'NEAR report', () => {
    fromHex(input.nonce, 'our nonce');
    report = obj(parseJson(input.report, 'the report'), 'the report');
    obj(report.gateway_attestation, 'gateway_attestation');
    models = arr(report.model_attestations ?? [], 'model_attestations');
    if (models.length > MAX_MODELS)
      throw new EvidenceError(`the report has ${models.length} models, more than ${MAX_MODELS}`);
    return t.pass(
      'near.parse',
      'NEAR report',
      `gateway and ${models.length} model attestation${models.length === 1 ? '' : 's'}`,
    );
  });
  transcript.push(...t.checks);
  if (!ok) return verdict;
  const cache = createCertCache();
  const gateway = obj(report.gateway_attestation, 'gateway_attestation');
  verdict.gateway = {
    ...layer(gateway, 'gateway', input, { collateral: input.collateral?.gateway }, cache),
    signingAddress: optionalString(gateway, 'signing_address'),
  };
  transcript.push(...prefixed('gateway', verdict.gateway.checks));
  models.forEach((raw, i) => {
    const m = optionalObject(raw) ?? {};
    const name = optionalString(m, 'model_name') ?? `model ${i}`;
    const tdx = layer(m, name, input, { collateral: input.collateral?.model }, cache);
    const keyOk = signingKeyCheck(t, `model.${i}.near.signing_key`, m);
    transcript.push(t.checks.at(-1)!, ...prefixed(`model.${i}`, tdx.checks));
    const cm = optionalObject(m.compose_manager_attestation);
    let composeManager: TdxVerdict | undefined;
    if (cm) {
      try {
        composeManager = layer(
          cm,
          `${name} compose manager`,
          { ...input, pinned: undefined, tls: undefined },
          {
            binding: bindHashAndNonce(str(cm.actions_hash, 'actions_hash'), input.nonce),
            composeFile: undefined,
          },
          cache,
        );
      } catch (error) {
        t.fail(
          `model.${i}.compose_manager.quote.parse`,
          'Compose manager quote',
          error instanceof Error ? error.message : 'unreadable',
        );
        transcript.push(t.checks.at(-1)!);
      }
      if (composeManager) transcript.push(...prefixed(`model.${i}.compose_manager`, composeManager.checks));
    }
    const gpu =
      m.nvidia_payload === undefined
        ? undefined
        : verifyGpuEvidence({ payload: m.nvidia_payload, nonce: input.nonce, now: input.now }, cache);
    if (gpu) transcript.push(...prefixed(`model.${i}`, gpu.checks));
    verdict.models.push({
      ...tdx,
      level: keyOk || m.signing_public_key === undefined ? tdx.level : 'unverified',
      modelName: name,
      signingAddress: optionalString(m, 'signing_address'),
      gpu,
      composeManager,
    });
  });
  verdict.level = lowest([verdict.gateway.level, ...verdict.models.map((m) => m.level)]);
  return verdict;
}

/** Never throws: anything unexpected becomes a failed `verifier` check. */
export function verifyNearReport(input: NearReportInput): NearVerdict {
  return boundary(
    input.now,
    () => runNearReport(input),
    (t) => ({
      checks: t.checks,
      transcript: t.checks,
      gateway: unverifiedTdx(),
      models: [],
      level: 'unverified',
    }),
  );
}
