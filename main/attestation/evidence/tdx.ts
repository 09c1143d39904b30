/**
 * The offline check of one Intel DCAP quote (TDX v4/v5 or SGX v3) and what hangs off it:
 * quote signature → QE report → PCK chain to the bundled Intel root, not debug, report_data
 * binding, then collateral and TCB status, then the dstack event log, pins and TLS binding.
 */
import { createHash, type X509Certificate } from 'node:crypto';
import type { CheckId, EvidenceLevel, LevelsReached, TcbResult, TdxVerdict, TdxVerifyInput } from './types';
import { Transcript, boundary } from './checks';
import { equalBytes, toHex } from './bytes';
import { bindingMismatches } from './binding';
import {
  chainProblem,
  commonName,
  ecKeyFromRaw,
  parsePemChain,
  rootCert,
  sha256Hex,
  summarize,
  verifyRaw,
  createCertCache,
  type CertCache,
} from './certs';
import { checkCollateral } from './collateral';
import { checkEventLog, type ComposeIdentity } from './eventLog';
import { measurements, parseQuote, type Quote } from './quote';
import { INTEL_SGX_ROOT_PEM, ROOT_PINS } from './roots';

const HARDWARE: CheckId[] = [
  'quote.signature',
  'quote.qe_report',
  'pck.chain',
  'quote.qe_signature',
  'td.debug',
  'binding.report_data',
];
const CURRENT: CheckId[] = [
  'collateral.tcb_info',
  'collateral.qe_identity',
  'collateral.pck_crl',
  'collateral.root_ca_crl',
  'collateral.revocation',
  'qe.identity',
  'tcb.status',
];
const KNOWN: CheckId[] = [
  'eventlog.digests',
  'eventlog.rtmr3',
  'compose.hash',
  'compose.app_id',
  'pin.identity',
];

export function unverifiedTdx(): TdxVerdict {
  return {
    checks: [],
    level: 'unverified',
    reached: { hardwareBound: false, attestedCurrent: false, knownCode: false, channelBound: false },
    pckChain: [],
  };
}

export function ladder(reached: LevelsReached): EvidenceLevel {
  if (!reached.hardwareBound) return 'unverified';
  if (!reached.attestedCurrent) return 'hardware-bound';
  if (!reached.knownCode) return 'attested-current';
  return reached.channelBound ? 'channel-bound' : 'known-code';
}

function isDebug(quote: Quote): boolean {
  return quote.td ? (quote.td.tdAttributes[0]! & 0x01) !== 0 : (quote.sgx!.attributes[0]! & 0x02) !== 0;
}

function quoteChecks(
  t: Transcript,
  quote: Quote,
  input: TdxVerifyInput,
  root: X509Certificate,
  cache: CertCache,
): X509Certificate[] {
  t.guard('quote.signature', 'Quote signature', () => {
    const key = ecKeyFromRaw(quote.attestationKey, 'P-256');
    if (!key) return t.fail('quote.signature', 'Quote signature', 'the attestation key is not a P-256 point');
    if (!verifyRaw('sha256', key, quote.signedBytes, quote.signature))
      return t.fail(
        'quote.signature',
        'Quote signature',
        'the attestation key does not sign this quote: its header or body was changed',
      );
    return t.pass(
      'quote.signature',
      'Quote signature',
      'the attestation key signs the quote header and body',
    );
  });
  t.guard('quote.qe_report', 'QE binds the attestation key', () => {
    const want = createHash('sha256').update(quote.attestationKey).update(quote.qeAuthData).digest();
    const got = quote.qeReport.reportData;
    if (!equalBytes(got.subarray(0, 32), want) || got.subarray(32).some((b) => b !== 0))
      return t.fail(
        'quote.qe_report',
        'QE binds the attestation key',
        'the QE report_data is not sha256(attestation key ‖ QE auth data) ‖ zeros',
      );
    return t.pass(
      'quote.qe_report',
      'QE binds the attestation key',
      'the quoting enclave vouches for this attestation key',
    );
  });
  let chain: X509Certificate[] = [];
  t.guard('pck.chain', 'PCK certificate chain', () => {
    chain = parsePemChain(quote.pckChainPem, 'the PCK chain', cache);
    const problem = chainProblem(chain, root, input.now, cache);
    if (problem) return t.fail('pck.chain', 'PCK certificate chain', problem);
    const pinned =
      input.intelRootPem === undefined ? ` (SHA-256 ${ROOT_PINS.intel.slice(0, 8)}…)` : ' (a test root)';
    return t.pass(
      'pck.chain',
      'PCK certificate chain',
      `${chain.map(commonName).join(' → ')} verifies to the bundled Intel root${pinned}`,
    );
  });
  t.guard('quote.qe_signature', 'QE report signature', () => {
    if (!t.passed('pck.chain'))
      return t.fail(
        'quote.qe_signature',
        'QE report signature',
        'no trusted PCK certificate to check it with',
      );
    if (!verifyRaw('sha256', chain[0]!.publicKey, quote.qeReport.raw, quote.qeReportSignature))
      return t.fail('quote.qe_signature', 'QE report signature', 'the PCK key does not sign the QE report');
    return t.pass('quote.qe_signature', 'QE report signature', 'the platform (PCK) key signs the QE report');
  });
  t.guard('td.debug', quote.td ? 'Not a debug TD' : 'Not a debug enclave', () =>
    isDebug(quote)
      ? t.fail(
          'td.debug',
          quote.td ? 'Not a debug TD' : 'Not a debug enclave',
          quote.td
            ? 'the TD runs in debug mode (TD attributes bit 0): its memory is readable by the host'
            : 'the enclave runs in debug mode (ATTRIBUTES.DEBUG)',
        )
      : t.pass(
          'td.debug',
          quote.td ? 'Not a debug TD' : 'Not a debug enclave',
          quote.td ? `TD attributes ${toHex(quote.td.tdAttributes)}: debug off` : 'debug off',
        ),
  );
  t.guard('binding.report_data', 'Key and nonce binding', () => {
    if (!input.binding)
      return t.skip('binding.report_data', 'Key and nonce binding', 'no expected report_data given');
    const reportData = quote.td?.reportData ?? quote.sgx!.reportData;
    const problems = bindingMismatches(reportData, input.binding);
    if (problems.length > 0)
      return t.fail('binding.report_data', 'Key and nonce binding', problems.join('; '));
    return t.pass(
      'binding.report_data',
      'Key and nonce binding',
      `report_data holds ${input.binding.parts
        .filter((p) => p.name !== 'padding')
        .map((p) => p.name)
        .join(' and ')}`,
    );
  });
  return chain;
}

function tlsCheck(t: Transcript, input: TdxVerifyInput): void {
  const label = 'TLS key in the attested set';
  if (!input.tls) {
    t.skip(
      'tls.key',
      label,
      input.tlsUnavailable ?? 'the TLS key we connected to was not given (the browser build cannot see it)',
    );
    return;
  }
  const connected = input.tls.connectedKeySha256.toLowerCase();
  const set = input.tls.attestedKeySha256.map((k) => k.toLowerCase());
  if (set.length === 0) t.skip('tls.key', label, 'the provider attests no TLS key');
  else if (set.includes(connected))
    t.pass('tls.key', label, `the connection's key ${connected.slice(0, 16)}… is attested`);
  else
    t.fail(
      'tls.key',
      label,
      `the connection's key ${connected.slice(0, 16)}… is not among the ${set.length} attested keys: another server answered`,
    );
}

function runTdxReport(input: TdxVerifyInput, cache: CertCache): TdxVerdict {
  const t = new Transcript(input.now);
  const verdict: TdxVerdict = { ...unverifiedTdx(), checks: t.checks };
  let quote: Quote | undefined;
  let root: X509Certificate | undefined;
  t.guard('quote.parse', 'Quote', () => {
    root = rootCert(input.intelRootPem ?? INTEL_SGX_ROOT_PEM);
    if (input.intelRootPem === undefined && sha256Hex(root.raw) !== ROOT_PINS.intel)
      return t.fail('quote.parse', 'Quote', 'the bundled Intel root does not match its pin');
    quote = parseQuote(input.quote);
    return t.pass(
      'quote.parse',
      'Quote',
      `${quote.td ? 'TDX' : 'SGX'} quote v${quote.version}, ${input.quote.length} bytes`,
    );
  });
  if (!quote || !root) return verdict;
  verdict.quote = {
    version: quote.version,
    teeType: quote.td ? 'tdx' : 'sgx',
    debug: isDebug(quote),
    measurements: quote.td ? measurements(quote.td) : undefined,
    sgx: quote.sgx
      ? {
          mrEnclave: toHex(quote.sgx.mrEnclave),
          mrSigner: toHex(quote.sgx.mrSigner),
          reportData: toHex(quote.sgx.reportData),
        }
      : undefined,
  };
  const chain = quoteChecks(t, quote, input, root, cache);
  verdict.pckChain = chain.map(summarize);
  let tcb: TcbResult | undefined;
  if (input.collateral)
    tcb = checkCollateral({ t, quote, collateral: input.collateral, pckChain: chain, root, now: input.now });
  else t.skip('collateral', 'Intel collateral', 'no collateral given: TCB status is unknown');
  verdict.tcb = tcb;
  let compose: ComposeIdentity | undefined;
  if (quote.td && input.eventLog !== undefined)
    compose = checkEventLog(t, quote.td, { ...input, eventLog: input.eventLog });
  else
    t.skip(
      'eventlog.rtmr3',
      'RTMR3 replay',
      quote.td ? 'no event log given' : 'SGX quotes have no event log',
    );
  verdict.compose = compose;
  tlsCheck(t, input);
  const all = (ids: CheckId[]): boolean => ids.every((id) => t.passed(id));
  verdict.reached = {
    hardwareBound: all(['quote.parse', ...HARDWARE]),
    attestedCurrent: all(CURRENT),
    knownCode: all(KNOWN),
    channelBound: all(['tls.key']),
  };
  verdict.level = ladder(verdict.reached);
  return verdict;
}

/**
 * Never throws: anything unexpected becomes a failed `verifier` check. `cache` is internal:
 * verifyNearReport shares one across the whole report.
 */
export function verifyTdxReport(input: TdxVerifyInput, cache: CertCache = createCertCache()): TdxVerdict {
  return boundary(
    input.now,
    () => runTdxReport(input, cache),
    (t) => ({ ...unverifiedTdx(), checks: t.checks }),
  );
}
