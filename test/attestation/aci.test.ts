// ACI gateways: the report's keyset, its report_data over our nonce and its quote, checked with the
// same DCAP verifier as every quote; a receipt's upstream.verified counts only with an upstream
// quote that verifies, and the transcript says precisely why it cannot apply otherwise.
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../main/attestation/report';
import { sampleBytes, sampleJson } from './evidence/samples';

const NONCE = 'cd20088d763605cf78564e5b35524ad52715419624b76e029582a3652758708d';
const NOW = new Date(1783805115 * 1000);
const vectors = sampleJson<{ receipt: { document: string } }>('aci/test-vectors.json');
const receipt = JSON.parse(vectors.receipt.document) as { event_log: Record<string, unknown>[] };
const SESSION = '95ad1cb4dd25445808c2e9d116caf420b05703730b506395e8fc1ca6faeae28f';

const check = (file: string, nonce = NONCE, withReceipt: unknown = receipt) =>
  checkReport({ body: sampleJson(`aci/${file}`), nonce, now: NOW, pins: [], receipt: withReceipt });
const byId = (r: ReturnType<typeof check>, id: string) => r.checks.find((c) => c.id === id);

describe('ACI reports', () => {
  it.each(['aci_report_fixture.json', 'aci_report_verifier_ts.json'])(
    '%s: keyset and nonce binding pass; the stub quote fails as a quote, so nothing is hardware-bound',
    (file) => {
      const r = check(file);
      expect(byId(r, 'aci.keyset')).toMatchObject({ status: 'pass' });
      expect(byId(r, 'aci.report_data')).toMatchObject({ status: 'pass' });
      expect(byId(r, 'quote.parse')).toMatchObject({ status: 'fail' });
      expect(byId(r, 'quote.parse')!.reason).toMatch(/^quote version 25441 is not a DCAP quote/);
      expect(r.level).toBe('unverified');
      expect(r.signers.map((s) => [s.address, s.level])).toEqual([['static-receipt-ed25519', 'unverified']]);
    },
  );

  it('a report made for another nonce fails its binding, naming it', () => {
    const r = check('aci_report_fixture.json', 'a'.repeat(64));
    expect(byId(r, 'aci.report_data')).toMatchObject({ status: 'fail' });
    expect(byId(r, 'aci.report_data')!.reason).toMatch(/made for another nonce or keyset\.$/);
  });
});

describe("a receipt's upstream.verified", () => {
  it('without an upstream quote is the gateway’s word only, and says so', () => {
    const r = check('aci_report_fixture.json');
    expect(byId(r, 'upstream.evidence')).toMatchObject({
      status: 'warn',
      reason: `The receipt says upstream.verified = verified for session 95ad1cb4…e28f, but carries no upstream quote (only the session id): that is the gateway's word, so the answer is "provider attested" at most.`,
    });
    expect(r.upstreamVerified).toBe(false);
  });

  it('with an upstream quote is checked by the DCAP verifier, which must find the session bound', () => {
    const quote = Buffer.from(sampleBytes('dcap/tdx_quote')).toString('hex');
    const withQuote = {
      ...receipt,
      event_log: receipt.event_log.map((e) => (e.type === 'upstream.verified' ? { ...e, quote } : e)),
    };
    const r = check('aci_report_fixture.json', NONCE, withQuote);
    // A real Intel-signed quote: its signature and chain verify...
    expect(byId(r, 'upstream.quote.signature')).toMatchObject({ status: 'pass' });
    expect(byId(r, 'upstream.pck.chain')).toMatchObject({ status: 'pass' });
    // ...but it binds another statement than this session, so upstream.verified cannot apply.
    expect(byId(r, 'upstream.binding.report_data')).toMatchObject({ status: 'fail' });
    expect(byId(r, 'upstream.binding.report_data')!.reason).toMatch(
      new RegExp(`session id.*expected ${SESSION.slice(0, 8)}`),
    );
    expect(r.upstreamVerified).toBe(false);
  });

  it('that the receipt does not claim leaves the claim at what the gateway proved', () => {
    const r = check('aci_report_fixture.json', NONCE, { event_log: [] });
    expect(byId(r, 'upstream.evidence')).toMatchObject({ status: 'skip' });
  });
});
