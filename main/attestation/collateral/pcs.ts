/**
 * Intel's Provisioning Certification Service (API v4), or a provider's PCCS at another base URL:
 * TCB info and QE identity (signed JSON, issuer chain in a header), the PCK CRL and the root CA
 * CRL, assembled into the collateral the offline verifier takes. Nothing here trusts what it
 * fetched: the verifier checks every signature and date.
 */
import type { DcapCollateral } from '../evidence';
import { parseCrl } from '../evidence/crl';
import type { CollateralNeed } from './needs';

export interface CollateralSource {
  /** `https://api.trustedservices.intel.com` or a PCCS. */
  pcsBase: string;
  /** Intel's root CA CRL (the root certificate's distribution point). */
  rootCaCrlUrl: string;
  timeoutMs?: number;
}

export const INTEL_PCS: CollateralSource = {
  pcsBase: 'https://api.trustedservices.intel.com',
  rootCaCrlUrl: 'https://certificates.trustedservices.intel.com/IntelSGXRootCA.der',
};

export type Fetched =
  { ok: true; collateral: DcapCollateral; nextUpdate: number; url: string } | { ok: false; problem: string };

class PcsError extends Error {}

/** The exact text of one top-level member's object value: the signature covers those bytes. */
export function rawMember(text: string, key: string): string | null {
  const at = text.indexOf(`"${key}"`);
  if (at < 0) return null;
  const start = text.indexOf('{', at);
  if (start < 0) return null;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i += 1) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth += 1;
    else if (c === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return null;
}

async function get(fetcher: typeof fetch, url: string, timeoutMs: number): Promise<Response> {
  let response: Response;
  try {
    response = await fetcher(url, { redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const message = error instanceof Error ? error.message : String(error);
    throw new PcsError(`${new URL(url).host} could not be reached (${cause ?? message})`);
  }
  if (!response.ok)
    throw new PcsError(`${new URL(url).host} answered HTTP ${response.status} for ${new URL(url).pathname}`);
  return response;
}

function chainHeader(response: Response, names: string[], what: string): string {
  for (const name of names) {
    const value = response.headers.get(name);
    if (value) return decodeURIComponent(value);
  }
  throw new PcsError(`the ${what} answer has no ${names[0]} header`);
}

async function signedJson(
  fetcher: typeof fetch,
  url: string,
  member: string,
  headers: string[],
  timeoutMs: number,
): Promise<{ body: string; signature: string; chain: string; nextUpdate: number }> {
  const response = await get(fetcher, url, timeoutMs);
  const text = await response.text();
  const body = rawMember(text, member);
  let parsed: { signature?: unknown; [k: string]: unknown };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    throw new PcsError(`${member} from ${new URL(url).host} is not JSON`);
  }
  if (body === null || typeof parsed.signature !== 'string')
    throw new PcsError(`the answer of ${new URL(url).pathname} has no ${member} and signature`);
  const next = Date.parse(String((JSON.parse(body) as { nextUpdate?: unknown }).nextUpdate));
  return {
    body,
    signature: parsed.signature,
    chain: chainHeader(response, headers, member),
    nextUpdate: Number.isNaN(next) ? 0 : next,
  };
}

async function der(
  fetcher: typeof fetch,
  url: string,
  timeoutMs: number,
): Promise<{ hex: string; response: Response }> {
  const response = await get(fetcher, url, timeoutMs);
  const bytes = Buffer.from(await response.arrayBuffer());
  // A PCCS may answer the DER as hex text.
  const text = bytes.toString('latin1').trim();
  const hex = /^[0-9a-fA-F]+$/.test(text) ? text.toLowerCase() : bytes.toString('hex');
  return { hex, response };
}

const nextOfCrl = (hex: string, what: string): number => {
  try {
    return parseCrl(new Uint8Array(Buffer.from(hex, 'hex')), what).nextUpdate?.getTime() ?? 0;
  } catch {
    throw new PcsError(`the ${what} is not a CRL`);
  }
};

/** Fetches one platform's collateral; a failure says which part and why. */
export async function fetchCollateral(
  fetcher: typeof fetch,
  source: CollateralSource,
  need: Pick<CollateralNeed, 'tee' | 'fmspc' | 'ca'>,
): Promise<Fetched> {
  const base = source.pcsBase.replace(/\/+$/, '');
  const timeoutMs = source.timeoutMs ?? 15_000;
  const url = `${base}/${need.tee}/certification/v4/tcb?fmspc=${need.fmspc}`;
  try {
    const tcb = await signedJson(
      fetcher,
      url,
      'tcbInfo',
      ['TCB-Info-Issuer-Chain', 'SGX-TCB-Info-Issuer-Chain'],
      timeoutMs,
    );
    const qe = await signedJson(
      fetcher,
      `${base}/${need.tee}/certification/v4/qe/identity`,
      'enclaveIdentity',
      ['SGX-Enclave-Identity-Issuer-Chain'],
      timeoutMs,
    );
    const pck = await der(
      fetcher,
      `${base}/sgx/certification/v4/pckcrl?ca=${need.ca}&encoding=der`,
      timeoutMs,
    );
    const root = await der(fetcher, source.rootCaCrlUrl, timeoutMs);
    const collateral: DcapCollateral = {
      pck_crl_issuer_chain: chainHeader(pck.response, ['SGX-PCK-CRL-Issuer-Chain'], 'PCK CRL'),
      root_ca_crl: root.hex,
      pck_crl: pck.hex,
      tcb_info_issuer_chain: tcb.chain,
      tcb_info: tcb.body,
      tcb_info_signature: tcb.signature,
      qe_identity_issuer_chain: qe.chain,
      qe_identity: qe.body,
      qe_identity_signature: qe.signature,
    };
    const nextUpdate = Math.min(
      tcb.nextUpdate,
      qe.nextUpdate,
      nextOfCrl(pck.hex, 'PCK CRL'),
      nextOfCrl(root.hex, 'root CA CRL'),
    );
    return { ok: true, collateral, nextUpdate, url: base };
  } catch (error) {
    if (error instanceof PcsError) return { ok: false, problem: error.message };
    return {
      ok: false,
      problem: `the collateral could not be read (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}
