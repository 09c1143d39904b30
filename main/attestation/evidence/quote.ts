/**
 * Intel DCAP quote parser: SGX v3, TDX v4 and v5 (TD report 1.0 / 1.5), ECDSA-P256 attestation
 * key with QE report certification data (type 6) holding a PCK chain (type 5). Written from
 * Intel's "TDX DCAP Quoting Library API" quote format tables. Throws EvidenceError on anything
 * else; the verifier turns that into a failed `quote.parse` check.
 */
import type { TdxMeasurements } from './types';
import { EvidenceError, Reader, toHex } from './bytes';

export const TEE_TDX = 0x81;
export const TEE_SGX = 0x00;
const SGX_REPORT_LEN = 384;
const TD10_LEN = 584;
const TD15_LEN = 648;
const ECDSA_P256 = 2;
const INTEL_QE_VENDOR = '939a7233f79c4ca9940a0db3957f0607';
const CERT_QE_REPORT = 6;
const CERT_PCK_CHAIN = 5;
/** Quotes are a few KB; the bound keeps hostile input cheap. */
export const MAX_QUOTE_BYTES = 64 * 1024;

/** The 384-byte SGX report body (the QE report, or the enclave of an SGX quote). */
export interface SgxReport {
  raw: Uint8Array;
  cpuSvn: Uint8Array;
  miscSelect: number;
  attributes: Uint8Array;
  mrEnclave: Uint8Array;
  mrSigner: Uint8Array;
  isvProdId: number;
  isvSvn: number;
  reportData: Uint8Array;
}

export interface TdReport {
  teeTcbSvn: Uint8Array;
  mrSeam: Uint8Array;
  mrSignerSeam: Uint8Array;
  seamAttributes: Uint8Array;
  tdAttributes: Uint8Array;
  xfam: Uint8Array;
  mrTd: Uint8Array;
  mrConfigId: Uint8Array;
  mrOwner: Uint8Array;
  mrOwnerConfig: Uint8Array;
  rtmr: [Uint8Array, Uint8Array, Uint8Array, Uint8Array];
  reportData: Uint8Array;
  mrServiceTd?: Uint8Array;
}

export interface Quote {
  version: number;
  teeType: number;
  qeVendorId: Uint8Array;
  /** header ‖ (v5 body descriptor) ‖ body: what the attestation key signs. */
  signedBytes: Uint8Array;
  td?: TdReport;
  sgx?: SgxReport;
  signature: Uint8Array;
  attestationKey: Uint8Array;
  qeReport: SgxReport;
  qeReportSignature: Uint8Array;
  qeAuthData: Uint8Array;
  pckChainPem: string;
}

export function parseSgxReport(bytes: Uint8Array): SgxReport {
  const r = new Reader(bytes, 'SGX report');
  const cpuSvn = r.take(16, 'CPUSVN');
  const miscSelect = r.u32('MISCSELECT');
  r.take(28, 'reserved');
  const attributes = r.take(16, 'ATTRIBUTES');
  const mrEnclave = r.take(32, 'MRENCLAVE');
  r.take(32, 'reserved');
  const mrSigner = r.take(32, 'MRSIGNER');
  r.take(96, 'reserved');
  const isvProdId = r.u16('ISVPRODID');
  const isvSvn = r.u16('ISVSVN');
  r.take(60, 'reserved');
  const reportData = r.take(64, 'REPORTDATA');
  return { raw: bytes, cpuSvn, miscSelect, attributes, mrEnclave, mrSigner, isvProdId, isvSvn, reportData };
}

function parseTdReport(r: Reader, v15: boolean): TdReport {
  const td: TdReport = {
    teeTcbSvn: r.take(16, 'TEE_TCB_SVN'),
    mrSeam: r.take(48, 'MRSEAM'),
    mrSignerSeam: r.take(48, 'MRSIGNERSEAM'),
    seamAttributes: r.take(8, 'SEAMATTRIBUTES'),
    tdAttributes: r.take(8, 'TDATTRIBUTES'),
    xfam: r.take(8, 'XFAM'),
    mrTd: r.take(48, 'MRTD'),
    mrConfigId: r.take(48, 'MRCONFIGID'),
    mrOwner: r.take(48, 'MROWNER'),
    mrOwnerConfig: r.take(48, 'MROWNERCONFIG'),
    rtmr: [r.take(48, 'RTMR0'), r.take(48, 'RTMR1'), r.take(48, 'RTMR2'), r.take(48, 'RTMR3')],
    reportData: r.take(64, 'REPORTDATA'),
  };
  if (v15) {
    r.take(16, 'TEE_TCB_SVN_2');
    td.mrServiceTd = r.take(48, 'MRSERVICETD');
  }
  return td;
}

export function parseQuote(bytes: Uint8Array): Quote {
  if (!(bytes instanceof Uint8Array)) throw new EvidenceError('the quote is not bytes');
  if (bytes.length > MAX_QUOTE_BYTES)
    throw new EvidenceError(`the quote is ${bytes.length} bytes, more than ${MAX_QUOTE_BYTES}`);
  const r = new Reader(bytes, 'the quote');
  const version = r.u16('version');
  if (version < 3 || version > 5)
    throw new EvidenceError(`quote version ${version} is not a DCAP quote (3, 4 or 5)`);
  const keyType = r.u16('attestation key type');
  const teeType = r.u32('TEE type');
  r.take(4, 'reserved');
  const qeVendorId = r.take(16, 'QE vendor id');
  r.take(20, 'user data');
  if (toHex(qeVendorId) !== INTEL_QE_VENDOR)
    throw new EvidenceError(`QE vendor id ${toHex(qeVendorId)} is not Intel's quoting enclave`);
  if (keyType !== ECDSA_P256)
    throw new EvidenceError(`attestation key type ${keyType} is not ECDSA-P256 (2)`);
  let td: TdReport | undefined;
  let sgx: SgxReport | undefined;
  if (version === 3 && teeType === TEE_SGX) {
    sgx = parseSgxReport(r.take(SGX_REPORT_LEN, 'enclave report'));
  } else if (version === 4 && teeType === TEE_TDX) {
    td = parseTdReport(r, false);
  } else if (version === 5 && teeType === TEE_TDX) {
    const bodyType = r.u16('body type');
    const bodySize = r.u32('body size');
    const want = bodyType === 2 ? TD10_LEN : bodyType === 3 ? TD15_LEN : -1;
    if (want < 0 || bodySize !== want)
      throw new EvidenceError(`v5 body type ${bodyType} of ${bodySize} bytes is not a TD report 1.0 or 1.5`);
    td = parseTdReport(r, bodyType === 3);
  } else {
    throw new EvidenceError(
      `quote version ${version} with TEE type 0x${teeType.toString(16)} is not supported (SGX v3, TDX v4/v5)`,
    );
  }
  const signedBytes = bytes.subarray(0, r.offset);
  const sigDataLen = r.u32('signature data length');
  if (sigDataLen > r.remaining)
    throw new EvidenceError(`signature data length ${sigDataLen} runs past the quote`);
  const s = new Reader(r.take(sigDataLen, 'signature data'), 'the quote signature data');
  const signature = s.take(64, 'quote signature');
  const attestationKey = s.take(64, 'attestation key');
  // v3 carries the QE report fields directly; v4/v5 wrap them in certification data type 6.
  let qe = s;
  if (version !== 3) {
    const wrapperType = s.u16('certification data type');
    const wrapper = s.take(s.u32('certification data size'), 'certification data');
    if (wrapperType !== CERT_QE_REPORT)
      throw new EvidenceError(`certification data type ${wrapperType} is not a QE report (6)`);
    qe = new Reader(wrapper, 'the QE report certification data');
  }
  const qeReport = parseSgxReport(qe.take(SGX_REPORT_LEN, 'QE report'));
  const qeReportSignature = qe.take(64, 'QE report signature');
  const qeAuthData = qe.take(qe.u16('QE auth data size'), 'QE auth data');
  const certType = qe.u16('PCK certification data type');
  const pck = qe.take(qe.u32('PCK certification data size'), 'PCK certification data');
  if (certType !== CERT_PCK_CHAIN)
    throw new EvidenceError(`PCK certification data type ${certType} is not a PEM chain (5)`);
  const pckChainPem = new TextDecoder().decode(pck);
  return {
    version,
    teeType,
    qeVendorId,
    signedBytes,
    td,
    sgx,
    signature,
    attestationKey,
    qeReport,
    qeReportSignature,
    qeAuthData,
    pckChainPem,
  };
}

export function measurements(td: TdReport): TdxMeasurements {
  return {
    teeTcbSvn: toHex(td.teeTcbSvn),
    mrSeam: toHex(td.mrSeam),
    tdAttributes: toHex(td.tdAttributes),
    xfam: toHex(td.xfam),
    mrtd: toHex(td.mrTd),
    mrConfigId: toHex(td.mrConfigId),
    mrOwner: toHex(td.mrOwner),
    mrOwnerConfig: toHex(td.mrOwnerConfig),
    rtmr0: toHex(td.rtmr[0]),
    rtmr1: toHex(td.rtmr[1]),
    rtmr2: toHex(td.rtmr[2]),
    rtmr3: toHex(td.rtmr[3]),
    reportData: toHex(td.reportData),
  };
}
