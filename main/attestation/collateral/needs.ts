/**
 * Which Intel collateral a report's quotes need: TDX or SGX, the platform's FMSPC and which PCK
 * CA issued its certificate (the PCK CRL differs). Read from the quote's PCK chain; runs in the
 * evidence worker with the rest of the parsing.
 */
import { hexToBytes } from '../bytes';
import { commonName, parsePemChain } from '../evidence/certs';
import { pckExtension } from '../evidence/pck';
import { parseQuote } from '../evidence/quote';

export interface CollateralNeed {
  /** `single` (Phala's one-layer report), `gateway` or `model` (NEAR's two layers). */
  layer: 'single' | 'gateway' | 'model';
  tee: 'tdx' | 'sgx';
  /** Upper-case hex, as Intel's PCS takes it. */
  fmspc: string;
  ca: 'platform' | 'processor';
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function needOf(layer: CollateralNeed['layer'], quoteHex: unknown): CollateralNeed | null {
  if (typeof quoteHex !== 'string') return null;
  try {
    const quote = parseQuote(hexToBytes(quoteHex) ?? new Uint8Array());
    const [leaf, ca] = parsePemChain(quote.pckChainPem, 'the PCK chain');
    if (!leaf || !ca) return null;
    return {
      layer,
      tee: quote.td ? 'tdx' : 'sgx',
      fmspc: pckExtension(new Uint8Array(leaf.raw)).fmspc,
      ca: /processor/i.test(commonName(ca)) ? 'processor' : 'platform',
    };
  } catch {
    // An unreadable quote fails its own checks; it needs no collateral.
    return null;
  }
}

/** The collateral each layer of a report needs; empty when none of its quotes can be read. */
export function collateralNeeds(body: unknown): CollateralNeed[] {
  if (!isRecord(body)) return [];
  if (Array.isArray(body.model_attestations)) {
    const gateway = isRecord(body.gateway_attestation) ? body.gateway_attestation : {};
    const model = body.model_attestations.find(isRecord) ?? {};
    return [
      needOf('gateway', gateway.intel_quote ?? gateway.quote),
      needOf('model', model.intel_quote ?? model.quote),
    ].filter((n): n is CollateralNeed => n !== null);
  }
  const single = needOf('single', body.intel_quote);
  return single ? [single] : [];
}

export const needKey = (n: Pick<CollateralNeed, 'tee' | 'fmspc' | 'ca'>): string =>
  `${n.tee}:${n.fmspc}:${n.ca}`;
