/**
 * TCB status from Intel's TCB info and QE identity (Intel PCS API v4 JSON), following the DCAP
 * quote verification order: platform level from the PCK certificate's SVNs (and, for TDX, the
 * TD report's TEE_TCB_SVN), the TDX module identity, the QE's ISVSVN; the worst status wins and
 * advisory ids are merged.
 */
import type { TcbResult } from './types';
import type { PckExtension } from './pck';
import type { Quote } from './quote';
import { EvidenceError, equalBytes, fromHex, toHex } from './bytes';
import { arr, num, obj, str, type Json } from './json';

const SEVERITY = [
  'UpToDate',
  'SWHardeningNeeded',
  'ConfigurationNeeded',
  'ConfigurationAndSWHardeningNeeded',
  'OutOfDate',
  'OutOfDateConfigurationNeeded',
  'Revoked',
];

function level(status: string): number {
  const i = SEVERITY.indexOf(status);
  if (i < 0) throw new EvidenceError(`unknown TCB status "${status}"`);
  return i;
}

interface Status {
  status: string;
  advisoryIds: string[];
}

function fromLevel(l: Json, what: string): Status {
  const ids =
    l.advisoryIDs === undefined
      ? []
      : arr(l.advisoryIDs, `${what} advisoryIDs`).map((a) => str(a, 'advisory id'));
  return { status: str(l.tcbStatus, `${what} tcbStatus`), advisoryIds: ids };
}

export function merge(a: Status, b: Status): Status {
  return {
    status: level(a.status) >= level(b.status) ? a.status : b.status,
    advisoryIds: [...new Set([...a.advisoryIds, ...b.advisoryIds])].sort(),
  };
}

function svns(list: unknown, what: string): number[] {
  const items = arr(list, what);
  if (items.length !== 16) throw new EvidenceError(`${what} has ${items.length} components, not 16`);
  return items.map((c, i) => num(obj(c, `${what}[${i}]`).svn, `${what}[${i}].svn`));
}

const atLeast = (have: ArrayLike<number>, want: number[]): boolean => want.every((w, i) => have[i]! >= w);

function maskedEqual(actual: Uint8Array, expectedHex: string, maskHex: string): boolean {
  const expected = fromHex(expectedHex);
  const mask = fromHex(maskHex);
  if (expected.length !== actual.length || mask.length !== actual.length) return false;
  return actual.every((b, i) => (b & mask[i]!) === (expected[i]! & mask[i]!));
}

/** The QE report against Intel's QE identity: identity fields must match; ISVSVN gives a status. */
export function qeIdentityStatus(quote: Quote, identity: Json): Status {
  const qe = quote.qeReport;
  const mrSigner = str(identity.mrsigner, 'QE identity mrsigner').toLowerCase();
  if (toHex(qe.mrSigner) !== mrSigner)
    throw new EvidenceError(`the QE's MRSIGNER ${toHex(qe.mrSigner)} is not Intel's ${mrSigner}`);
  const prodId = num(identity.isvprodid, 'QE identity isvprodid');
  if (qe.isvProdId !== prodId) throw new EvidenceError(`the QE's ISVPRODID ${qe.isvProdId} is not ${prodId}`);
  const misc = new Uint8Array(4);
  new DataView(misc.buffer).setUint32(0, qe.miscSelect, false);
  if (
    !maskedEqual(misc, str(identity.miscselect, 'miscselect'), str(identity.miscselectMask, 'miscselectMask'))
  )
    throw new EvidenceError("the QE's MISCSELECT does not match Intel's QE identity");
  if (
    !maskedEqual(
      qe.attributes,
      str(identity.attributes, 'attributes'),
      str(identity.attributesMask, 'attributesMask'),
    )
  )
    throw new EvidenceError("the QE's ATTRIBUTES do not match Intel's QE identity");
  for (const raw of arr(identity.tcbLevels, 'QE identity tcbLevels')) {
    const l = obj(raw, 'QE identity level');
    if (qe.isvSvn >= num(obj(l.tcb, 'QE level tcb').isvsvn, 'QE level isvsvn'))
      return fromLevel(l, 'QE level');
  }
  return { status: 'Revoked', advisoryIds: [] };
}

function moduleStatus(quote: Quote, info: Json): Status | null {
  const td = quote.td!;
  const version = td.teeTcbSvn[1]!;
  const base = obj(info.tdxModule, 'tdxModule');
  let expected = base;
  let levels: unknown[] | null = null;
  const identities =
    info.tdxModuleIdentities === undefined ? [] : arr(info.tdxModuleIdentities, 'tdxModuleIdentities');
  if (version > 0 && identities.length > 0) {
    const wanted = `TDX_${version.toString(16).padStart(2, '0').toUpperCase()}`;
    const found = identities
      .map((i) => obj(i, 'tdxModuleIdentity'))
      .find((i) => str(i.id, 'module id').toUpperCase() === wanted);
    if (!found) throw new EvidenceError(`TCB info has no TDX module identity ${wanted}`);
    expected = found;
    levels = arr(found.tcbLevels, 'module tcbLevels');
  }
  if (!equalBytes(td.mrSignerSeam, fromHex(str(expected.mrsigner, 'module mrsigner'))))
    throw new EvidenceError('the TDX module signer (MRSIGNERSEAM) is not the one in TCB info');
  if (
    !maskedEqual(
      td.seamAttributes,
      str(expected.attributes, 'module attributes'),
      str(expected.attributesMask, 'module mask'),
    )
  )
    throw new EvidenceError('the TDX module attributes do not match TCB info');
  if (!levels) return null;
  for (const raw of levels) {
    const l = obj(raw, 'module level');
    if (td.teeTcbSvn[0]! >= num(obj(l.tcb, 'module level tcb').isvsvn, 'module isvsvn'))
      return fromLevel(l, 'module level');
  }
  throw new EvidenceError(`TDX module SVN ${td.teeTcbSvn[0]} is below every level in TCB info`);
}

/** The platform's status. Throws with a reason when no level matches. */
export function tcbStatus(quote: Quote, pck: PckExtension, info: Json, qe: Status): TcbResult {
  const tdx = quote.td !== undefined;
  const id = str(info.id, 'TCB info id');
  if (tdx ? id !== 'TDX' : id !== 'SGX')
    throw new EvidenceError(`TCB info is for ${id}, the quote is ${tdx ? 'TDX' : 'SGX'}`);
  const fmspc = str(info.fmspc, 'TCB info fmspc').toUpperCase();
  if (fmspc !== pck.fmspc)
    throw new EvidenceError(`TCB info is for FMSPC ${fmspc}, the PCK certificate says ${pck.fmspc}`);
  for (const raw of arr(info.tcbLevels, 'tcbLevels')) {
    const l = obj(raw, 'TCB level');
    const tcb = obj(l.tcb, 'TCB level tcb');
    if (pck.pceSvn < num(tcb.pcesvn, 'pcesvn')) continue;
    if (!atLeast(pck.cpuSvn, svns(tcb.sgxtcbcomponents, 'sgxtcbcomponents'))) continue;
    if (tdx && !atLeast(quote.td!.teeTcbSvn, svns(tcb.tdxtcbcomponents, 'tdxtcbcomponents'))) continue;
    let status = fromLevel(l, 'TCB level');
    const module = tdx ? moduleStatus(quote, info) : null;
    if (module) status = merge(status, module);
    status = merge(status, qe);
    return { ...status, fmspc };
  }
  throw new EvidenceError('no TCB level in TCB info matches this platform (it is below every level)');
}
