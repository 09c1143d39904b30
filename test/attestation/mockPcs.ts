// A local stand-in for Intel's PCS (API v4) serving the vendored DCAP collateral the way the real
// service does: signed JSON with its issuer chain in a URL-encoded header, CRLs as DER.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DcapCollateral } from '../../main/attestation/evidence';
import { sgxCollateral, tdxCollateral } from './evidence/samples';

export type PcsMode = 'ok' | 'wrong-signature';

export interface MockPcs {
  base: string;
  rootCaCrlUrl: string;
  mode: PcsMode;
  /** Paths asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

const FMSPC: Record<string, DcapCollateral> = {
  'tdx:B0C06F000000': tdxCollateral(),
  'sgx:00A067110000': sgxCollateral(),
};

export async function startMockPcs(): Promise<MockPcs> {
  const state = { mode: 'ok' as PcsMode, requests: [] as string[] };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://pcs');
    state.requests.push(`${url.pathname}${url.search}`);
    const tee = url.pathname.split('/')[1] ?? '';
    const tdx = FMSPC['tdx:B0C06F000000']!;
    const signed = (member: string, body: string, signature: string, header: string, chain: string) => {
      const sig =
        state.mode === 'wrong-signature'
          ? `${signature.slice(0, -2)}${signature.endsWith('00') ? '01' : '00'}`
          : signature;
      res.writeHead(200, { 'content-type': 'application/json', [header]: encodeURIComponent(chain) });
      res.end(`{"${member}":${body},"signature":"${sig}"}`);
    };
    if (url.pathname.endsWith('/certification/v4/tcb')) {
      const c = FMSPC[`${tee}:${url.searchParams.get('fmspc') ?? ''}`];
      if (!c) return void res.writeHead(404).end();
      return signed(
        'tcbInfo',
        c.tcb_info,
        c.tcb_info_signature,
        'TCB-Info-Issuer-Chain',
        c.tcb_info_issuer_chain,
      );
    }
    if (url.pathname.endsWith('/certification/v4/qe/identity')) {
      const c = tee === 'sgx' ? FMSPC['sgx:00A067110000']! : tdx;
      return signed(
        'enclaveIdentity',
        c.qe_identity,
        c.qe_identity_signature,
        'SGX-Enclave-Identity-Issuer-Chain',
        c.qe_identity_issuer_chain,
      );
    }
    if (url.pathname === '/sgx/certification/v4/pckcrl') {
      // The TDX sample's PCK comes from the Platform CA, the SGX sample's from the Processor CA.
      const c = url.searchParams.get('ca') === 'processor' ? FMSPC['sgx:00A067110000']! : tdx;
      res.writeHead(200, { 'SGX-PCK-CRL-Issuer-Chain': encodeURIComponent(c.pck_crl_issuer_chain) });
      return void res.end(Buffer.from(c.pck_crl, 'hex'));
    }
    if (url.pathname === '/IntelSGXRootCA.der')
      return void res.writeHead(200).end(Buffer.from(tdx.root_ca_crl, 'hex'));
    // A PCCS serves the root CA CRL itself, as hex text.
    if (url.pathname === '/sgx/certification/v4/rootcacrl')
      return void res.writeHead(200).end(tdx.root_ca_crl);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    rootCaCrlUrl: `${base}/IntelSGXRootCA.der`,
    get mode() {
      return state.mode;
    },
    set mode(mode: PcsMode) {
      state.mode = mode;
    },
    requests: state.requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
