import { randomBytes } from 'node:crypto';
import type { Provider } from '../contract';
import type { ProviderKind, SignatureEvidence } from './bundle';
import { parseLegacySignature } from './formats/eip191';
import type { ReceiptKey } from './formats/aciReceipt';
import { parseGaladrielProof } from './formats/galadriel';

export interface EvidenceNet {
  fetch: typeof fetch;
  auth: (providerId: string) => Promise<Record<string, string>>;
  timeoutMs?: number;
}

/** Which evidence a provider publishes, from its preset (Galadriel signs only `/verified`). */
export function kindOf(provider: Pick<Provider, 'preset' | 'baseUrl'>): ProviderKind {
  if (provider.preset === 'confidential') return 'phala';
  if (provider.preset === 'near-ai') return 'near';
  if (provider.preset === 'galadriel' && /\/verified\/?$/.test(provider.baseUrl)) return 'galadriel';
  return 'generic';
}

const base = (provider: Pick<Provider, 'baseUrl'>): string => provider.baseUrl.replace(/\/+$/, '');

/** 32 fresh random bytes, hex: the app generates every nonce it sends. */
export const freshNonce = (): string => randomBytes(32).toString('hex');

type Got = { ok: true; body: unknown } | { ok: false; problem: string };

async function getJson(net: EvidenceNet, provider: Provider, url: string, what: string): Promise<Got> {
  let response: Response;
  try {
    const headers = await net.auth(provider.id);
    response = await net.fetch(url, {
      headers: { ...headers, accept: 'application/json' },
      redirect: 'error',
      signal: AbortSignal.timeout(net.timeoutMs ?? 15_000),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: `The ${what} could not be fetched from ${new URL(url).host}: ${message}.` };
  }
  const text = await response.text().catch(() => '');
  if (!response.ok)
    return {
      ok: false,
      problem:
        response.status === 404
          ? `${provider.name} does not publish a ${what} here (HTTP 404 for ${new URL(url).pathname}).`
          : `${provider.name} answered HTTP ${response.status} for the ${what}.`,
    };
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, problem: `The ${what} from ${provider.name} is not JSON.` };
  }
}

export type SignatureFetch =
  { signature: SignatureEvidence; problem: null } | { signature: null; problem: string };

/** The legacy `GET {base}/signature/{chat_id}` (Phala gateway, NEAR AI Cloud). */
export async function fetchLegacySignature(
  net: EvidenceNet,
  provider: Provider,
  chatId: string,
  model: string,
): Promise<SignatureFetch> {
  const url = `${base(provider)}/signature/${encodeURIComponent(chatId)}?model=${encodeURIComponent(model)}&signing_algo=ecdsa`;
  const got = await getJson(net, provider, url, 'signature');
  if (!got.ok) return { signature: null, problem: got.problem };
  const value = parseLegacySignature(got.body);
  return value
    ? { signature: { format: 'eip191', value }, problem: null }
    : { signature: null, problem: 'The signature answer has no text, signature and signing_address.' };
}

/** An ACI receipt (`x-receipt-id`) with the receipt keys of the workload keyset its report attests. */
export async function fetchReceipt(
  net: EvidenceNet,
  provider: Provider,
  receiptId: string,
  nonce: string,
): Promise<SignatureFetch & { report?: unknown }> {
  const got = await getJson(
    net,
    provider,
    `${base(provider)}/aci/receipts/${encodeURIComponent(receiptId)}`,
    'receipt',
  );
  if (!got.ok) return { signature: null, problem: got.problem };
  const report = await getJson(net, provider, `${base(provider)}/aci/report?nonce=${nonce}`, 'ACI report');
  if (!report.ok) return { signature: null, problem: report.problem };
  const attestation = (
    report.body as { attestation?: { workload_keyset?: { receipt_signing_keys?: ReceiptKey[] } } }
  ).attestation;
  const keyset = attestation?.workload_keyset;
  return {
    signature: { format: 'aci-receipt', receipt: got.body, keys: keyset?.receipt_signing_keys ?? [], keyset },
    problem: null,
    report: report.body,
  };
}

/** Galadriel's verified endpoint puts its proof in the response body itself. */
export function galadrielSignature(responseBody: Uint8Array | null): SignatureFetch {
  if (responseBody === null)
    return {
      signature: null,
      problem: 'The response was too large to keep, so its proof could not be read.',
    };
  try {
    const proof = parseGaladrielProof(JSON.parse(Buffer.from(responseBody).toString('utf8')));
    return proof
      ? { signature: { format: 'galadriel', proof }, problem: null }
      : {
          signature: null,
          problem:
            'The response carries no hash, public_key and signature (is this the /verified endpoint, not streamed?).',
        };
  } catch {
    return {
      signature: null,
      problem: 'Galadriel signs only non-streamed answers: this response is not one JSON body.',
    };
  }
}

export interface FetchedReport {
  endpoint: string;
  nonce: string;
  fetchedAt: number;
  body: unknown;
}

/** `GET {base}/attestation/report?model=…&nonce=…` with a nonce we just generated. */
export async function fetchReport(
  net: EvidenceNet,
  provider: Provider,
  model: string | null,
  now: () => number,
): Promise<{ report: FetchedReport; problem: null } | { report: null; problem: string }> {
  const nonce = freshNonce();
  const query = new URLSearchParams({ ...(model ? { model } : {}), nonce, signing_algo: 'ecdsa' });
  const endpoint = `${base(provider)}/attestation/report`;
  const got = await getJson(net, provider, `${endpoint}?${query.toString()}`, 'attestation report');
  if (!got.ok) return { report: null, problem: got.problem };
  return { report: { endpoint, nonce, fetchedAt: now(), body: got.body }, problem: null };
}
