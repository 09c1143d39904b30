/**
 * Intel collateral: TCB info and QE identity (signed JSON, chained to the Intel root), the PCK and
 * root CA CRLs, each within its issue date and `nextUpdate` at `now`, then the TCB status.
 * Every part gets its own check so a transcript says which one was stale or forged.
 */
import type { X509Certificate } from 'node:crypto';
import type { DcapCollateral, TcbResult } from './types';
import type { Transcript } from './checks';
import type { Quote } from './quote';
import { EvidenceError, fromHex } from './bytes';
import { chainProblem, commonName, parsePemChain, verifyRaw } from './certs';
import { crlSignatureValid, parseCrl, type Crl } from './crl';
import { date, obj, parseJson, str, type Json } from './json';
import { pckExtension } from './pck';
import { qeIdentityStatus, tcbStatus } from './tcbStatus';

const TCB_SIGNER = 'Intel SGX TCB Signing';

interface Context {
  t: Transcript;
  quote: Quote;
  collateral: DcapCollateral;
  pckChain: X509Certificate[];
  root: X509Certificate;
  now: Date;
}

function window(what: string, issued: Date, next: Date | undefined, now: Date): void {
  if (now < issued)
    throw new EvidenceError(
      `${what} is issued ${issued.toISOString()}, after the check time ${now.toISOString()}`,
    );
  if (next && now > next)
    throw new EvidenceError(
      `${what} expired at ${next.toISOString()} (its nextUpdate); fetch fresh collateral`,
    );
}

/** Signed JSON body (TCB info or QE identity): chain, signature over the exact text, dates. */
function signedJson(
  c: Context,
  what: string,
  text: unknown,
  signature: unknown,
  chainPem: unknown,
  expectedId: string[],
): Json {
  const chain = parsePemChain(str(chainPem, `${what} issuer chain`), `${what} issuer chain`);
  const problem = chainProblem(chain, c.root, c.now);
  if (problem) throw new EvidenceError(`${what} signing chain: ${problem}`);
  // Any key under the Intel root verifies a signature (a PCK key too); only TCB Signing may sign.
  if (commonName(chain[0]!) !== TCB_SIGNER)
    throw new EvidenceError(`${what} is signed by "${commonName(chain[0]!)}", not by "${TCB_SIGNER}"`);
  const body = str(text, what);
  if (
    !verifyRaw(
      'sha256',
      chain[0]!.publicKey,
      new TextEncoder().encode(body),
      fromHex(str(signature, `${what} signature`)),
    )
  )
    throw new EvidenceError(`${what} signature does not verify under "${commonName(chain[0]!)}"`);
  const json = obj(parseJson(body, what), what);
  const id = str(json.id, `${what} id`);
  if (!expectedId.includes(id))
    throw new EvidenceError(`${what} id is ${id}, expected ${expectedId.join(' or ')}`);
  window(what, date(json.issueDate, `${what} issueDate`), date(json.nextUpdate, `${what} nextUpdate`), c.now);
  return json;
}

/**
 * The check of one signed JSON part of the collateral (`part`, its `_signature` and its
 * `_issuer_chain`): its transcript line, and its JSON when it verified.
 */
function signedPart(
  c: Context,
  part: 'tcb_info' | 'qe_identity',
  what: string,
  expectedId: string[],
): Json | undefined {
  let json: Json | undefined;
  c.t.guard(`collateral.${part}`, what, () => {
    const verified = signedJson(
      c,
      what,
      c.collateral[part],
      c.collateral[`${part}_signature`],
      c.collateral[`${part}_issuer_chain`],
      expectedId,
    );
    json = verified;
    return c.t.pass(
      `collateral.${part}`,
      what,
      `signed by Intel, valid until ${str(verified.nextUpdate, '')}`,
    );
  });
  return json;
}

function crl(c: Context, what: string, hex: unknown, issuer: X509Certificate): Crl {
  const parsed = parseCrl(fromHex(str(hex, what), what), what);
  if (!crlSignatureValid(parsed, issuer.publicKey))
    throw new EvidenceError(`${what} signature does not verify under "${commonName(issuer)}"`);
  window(what, parsed.thisUpdate, parsed.nextUpdate, c.now);
  return parsed;
}

const serial = (cert: X509Certificate): string =>
  cert.serialNumber.toLowerCase().replace(/^(00)+/, '') || '0';

/** Runs the collateral checks; returns the TCB result when every part verified. */
export function checkCollateral(c: Context): TcbResult | undefined {
  const { t, quote } = c;
  const tdx = quote.td !== undefined;
  const info = signedPart(c, 'tcb_info', 'TCB info', [tdx ? 'TDX' : 'SGX']);
  const identity = signedPart(c, 'qe_identity', 'QE identity', [tdx ? 'TD_QE' : 'QE']);
  let pckCrl: Crl | undefined;
  let rootCrl: Crl | undefined;
  let pckCrlIssuer: X509Certificate | undefined;
  t.guard('collateral.pck_crl', 'PCK CRL', () => {
    const chain = parsePemChain(
      str(c.collateral.pck_crl_issuer_chain, 'PCK CRL issuer chain'),
      'PCK CRL issuer chain',
    );
    const problem = chainProblem(chain, c.root, c.now);
    if (problem) throw new EvidenceError(`PCK CRL issuer chain: ${problem}`);
    pckCrl = crl(c, 'PCK CRL', c.collateral.pck_crl, chain[0]!);
    pckCrlIssuer = chain[0];
    return t.pass(
      'collateral.pck_crl',
      'PCK CRL',
      `signed by "${commonName(chain[0]!)}", valid until ${pckCrl.nextUpdate?.toISOString() ?? 'no date'}`,
    );
  });
  t.guard('collateral.root_ca_crl', 'Root CA CRL', () => {
    rootCrl = crl(c, 'Root CA CRL', c.collateral.root_ca_crl, c.root);
    return t.pass(
      'collateral.root_ca_crl',
      'Root CA CRL',
      `signed by the Intel root, valid until ${rootCrl.nextUpdate?.toISOString() ?? 'no date'}`,
    );
  });
  t.guard('collateral.revocation', 'Revocation', () => {
    if (!pckCrl || !rootCrl) return t.skip('collateral.revocation', 'Revocation', 'the CRLs did not verify');
    const [leaf, ...cas] = c.pckChain;
    // A CRL from another CA (Processor vs Platform) would not list this certificate at all.
    if (leaf && pckCrlIssuer && !leaf.checkIssued(pckCrlIssuer))
      throw new EvidenceError(
        `the PCK CRL comes from "${commonName(pckCrlIssuer)}", not from the PCK certificate's issuer`,
      );
    if (leaf && pckCrl.revoked.has(serial(leaf)))
      throw new EvidenceError(`the PCK certificate (serial ${serial(leaf)}) is revoked`);
    for (const ca of cas)
      if (rootCrl.revoked.has(serial(ca)))
        throw new EvidenceError(`"${commonName(ca)}" is revoked by the Intel root CRL`);
    return t.pass('collateral.revocation', 'Revocation', 'no certificate of the PCK chain is revoked');
  });
  let qeStatus: ReturnType<typeof qeIdentityStatus> | undefined;
  t.guard('qe.identity', 'Quoting enclave identity', () => {
    if (!identity) return t.skip('qe.identity', 'Quoting enclave identity', 'the QE identity did not verify');
    qeStatus = qeIdentityStatus(quote, identity);
    return t.pass(
      'qe.identity',
      'Quoting enclave identity',
      `Intel's quoting enclave (ISVSVN ${quote.qeReport.isvSvn}, ${qeStatus.status})`,
    );
  });
  let result: TcbResult | undefined;
  t.guard('tcb.status', 'TCB status', () => {
    if (!info || !qeStatus || !c.pckChain[0])
      return t.skip('tcb.status', 'TCB status', 'TCB info or QE identity did not verify');
    result = tcbStatus(quote, pckExtension(new Uint8Array(c.pckChain[0].raw)), info, qeStatus);
    const advisories = result.advisoryIds.length > 0 ? `; advisories ${result.advisoryIds.join(', ')}` : '';
    if (result.status === 'UpToDate')
      return t.pass('tcb.status', 'TCB status', `UpToDate (FMSPC ${result.fmspc})${advisories}`);
    if (result.status === 'Revoked')
      return t.fail('tcb.status', 'TCB status', `the platform TCB is Revoked${advisories}`);
    return t.warn('tcb.status', 'TCB status', `${result.status}${advisories}`);
  });
  return result;
}
