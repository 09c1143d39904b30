// TCB level matching on the recorded TDX collateral: the platform's SVNs pick the first level
// they meet, whose status and advisory ids merge with the QE's.
import { describe, expect, it } from 'vitest';
import { verifyTdxReport } from '../../../main/attestation/evidence';
import { parsePemChain } from '../../../main/attestation/evidence/certs';
import { pckExtension } from '../../../main/attestation/evidence/pck';
import { parseQuote } from '../../../main/attestation/evidence/quote';
import { merge, tcbStatus } from '../../../main/attestation/evidence/tcbStatus';
import { checkOf, DCAP_TIME, sampleBytes, sampleJson, tdxCollateral } from './samples';

const quote = parseQuote(sampleBytes('dcap/tdx_quote'));
const pck = pckExtension(new Uint8Array(parsePemChain(quote.pckChainPem, 'pck')[0]!.raw));
const info = JSON.parse(tdxCollateral().tcb_info) as Record<string, unknown>;
const upToDate = { status: 'UpToDate', advisoryIds: [] };

describe('TCB status', () => {
  it("reads the PCK certificate's platform TCB", () => {
    expect(pck).toEqual({
      fmspc: 'B0C06F000000',
      pceId: '0000',
      cpuSvn: [3, 3, 2, 2, 4, 1, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0],
      pceSvn: 11,
    });
  });

  it('the recorded platform meets the first level: UpToDate', () => {
    expect(tcbStatus(quote, pck, info, upToDate)).toEqual({
      status: 'UpToDate',
      advisoryIds: [],
      fmspc: 'B0C06F000000',
    });
  });

  it('a PCE SVN below the first level falls to the OutOfDate level with its advisories', () => {
    const result = tcbStatus(quote, { ...pck, pceSvn: 5 }, info, upToDate);
    expect(result.status).toBe('OutOfDate');
    expect(result.advisoryIds).toContain('INTEL-SA-00837');
    expect(result.advisoryIds).toHaveLength(14);
  });

  it('a platform below every level has no status, and says so', () => {
    expect(() => tcbStatus(quote, { ...pck, pceSvn: 1 }, info, upToDate)).toThrow(
      'no TCB level in TCB info matches this platform',
    );
  });

  it('collateral for another FMSPC is refused', () => {
    expect(() => tcbStatus(quote, { ...pck, fmspc: '00A067110000' }, info, upToDate)).toThrow(
      'TCB info is for FMSPC B0C06F000000, the PCK certificate says 00A067110000',
    );
  });

  it('the worse of platform and QE status wins; advisories are merged once', () => {
    expect(
      merge(
        { status: 'UpToDate', advisoryIds: ['A'] },
        { status: 'SWHardeningNeeded', advisoryIds: ['B', 'A'] },
      ),
    ).toEqual({
      status: 'SWHardeningNeeded',
      advisoryIds: ['A', 'B'],
    });
  });

  it('the SGX collateral used for a TDX quote is refused by its id', () => {
    const v = verifyTdxReport({
      quote: sampleBytes('dcap/tdx_quote'),
      now: DCAP_TIME,
      collateral: {
        ...tdxCollateral(),
        tcb_info: sampleJson<{ tcb_info: string }>('dcap/sgx_quote_collateral.json').tcb_info,
        tcb_info_signature: sampleJson<{ tcb_info_signature: string }>('dcap/sgx_quote_collateral.json')
          .tcb_info_signature,
      },
    });
    expect(checkOf(v, 'collateral.tcb_info').reason).toBe('TCB info id is SGX, expected TDX');
  });
});

describe('ACI report fixtures', () => {
  it("the fixture's 47-byte stub is not a quote, and the quote check says so", () => {
    const fixture = sampleJson<{ attestation: { evidence: { quote: string } } }>(
      'aci/aci_report_fixture.json',
    );
    const v = verifyTdxReport({
      quote: new Uint8Array(Buffer.from(fixture.attestation.evidence.quote, 'hex')),
      now: DCAP_TIME,
    });
    expect(v.level).toBe('unverified');
    expect(checkOf(v, 'quote.parse')).toMatchObject({
      status: 'fail',
      reason: 'quote version 25441 is not a DCAP quote (3, 4 or 5)',
    });
  });
});
