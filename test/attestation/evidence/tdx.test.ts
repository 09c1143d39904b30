import { describe, expect, it } from 'vitest';
import { bindAddressAndNonce, verifyTdxReport } from '../../../main/attestation/evidence';
import {
  DCAP_TIME,
  NEAR_TIME,
  NONCE,
  checkOf,
  exactReportData,
  failedIds,
  flipByte,
  nearInput,
  nearReport,
  sampleBytes,
  sampleJson,
  sgxCollateral,
  tdxCollateral,
} from './samples';

interface Expected {
  gateway_attestation: ExpectedLayer;
  model_attestations: ExpectedLayer[];
}
interface ExpectedLayer {
  quote: { td_attributes: string; mr_td: string; mr_config_id: string; rtmr3: string; report_data: string };
  compose_hash: string;
  app_id: string;
}

const expected = sampleJson<Expected>('near/near_report.expected.json');
const report = nearReport();
const layers = [
  ['gateway', report.gateway_attestation, expected.gateway_attestation],
  ['model', report.model_attestations[0]!, expected.model_attestations[0]!],
] as const;

describe('NEAR quotes at their recorded time and nonce', () => {
  for (const [name, layer, want] of layers) {
    it(`the ${name} quote is hardware-bound with the README's measurements and its event log replays`, () => {
      const v = verifyTdxReport(nearInput(layer));
      expect(failedIds(v)).toEqual([]);
      expect(v.level).toBe('hardware-bound');
      expect(v.reached).toEqual({
        hardwareBound: true,
        attestedCurrent: false,
        knownCode: false,
        channelBound: false,
      });
      expect(v.quote?.debug).toBe(false);
      expect(v.quote?.measurements).toMatchObject({
        tdAttributes: want.quote.td_attributes,
        mrtd: want.quote.mr_td,
        mrConfigId: want.quote.mr_config_id,
        rtmr3: want.quote.rtmr3,
        reportData: want.quote.report_data,
      });
      expect(v.compose).toEqual({
        composeHash: want.compose_hash,
        appId: want.app_id,
        rtmr3: want.quote.rtmr3,
      });
      expect(v.pckChain.map((c) => c.subject.split(',')[0])).toEqual([
        'CN=Intel SGX PCK Certificate',
        'CN=Intel SGX PCK Platform CA',
        'CN=Intel SGX Root CA',
      ]);
      expect(v.pckChain[2]!.sha256).toBe('44a0196b2b99f889b8e149e95b807a350e7424964399e885a7cbb8ccfab674d3');
      expect(checkOf(v, 'collateral').status).toBe('skip');
      expect(checkOf(v, 'pin.identity').status).toBe('warn');
    });

    it(`the ${name} quote with its identity pinned reaches known code, and a TLS key in the set makes it channel bound`, () => {
      const pinned = [{ appId: want.app_id, composeHash: want.compose_hash }];
      const v = verifyTdxReport(
        nearInput(layer, {
          pinned,
          tls: { connectedKeySha256: 'ab'.repeat(32), attestedKeySha256: ['ab'.repeat(32)] },
        }),
      );
      expect(v.reached).toEqual({
        hardwareBound: true,
        attestedCurrent: false,
        knownCode: true,
        channelBound: true,
      });
      // The ladder needs current collateral first, which NEAR's report does not carry.
      expect(v.level).toBe('hardware-bound');
    });
  }

  const gateway = report.gateway_attestation;

  it('a flipped report_data byte (quote byte 568) breaks the quote signature', () => {
    const input = nearInput(gateway);
    const v = verifyTdxReport({ ...input, quote: flipByte(input.quote, 568) });
    expect(checkOf(v, 'quote.signature')).toMatchObject({
      status: 'fail',
      reason: expect.stringContaining('header or body was changed'),
    });
    expect(v.level).toBe('unverified');
  });

  it('a wrong nonce fails the binding and names the nonce', () => {
    const v = verifyTdxReport(
      nearInput(gateway, { binding: bindAddressAndNonce(gateway.signing_address, 'ff'.repeat(32)) }),
    );
    expect(failedIds(v)).toEqual(['binding.report_data']);
    expect(checkOf(v, 'binding.report_data').reason).toBe(
      'report_data bytes 32..64 (nonce) are 9a01356c…f059cba7, expected ffffffff…ffffffff',
    );
    expect(v.level).toBe('unverified');
  });

  it("another provider's signing address fails the binding and names the signing address", () => {
    const other = report.model_attestations[0]!.signing_address;
    const v = verifyTdxReport(nearInput(gateway, { binding: bindAddressAndNonce(other, NONCE) }));
    expect(failedIds(v)).toEqual(['binding.report_data']);
    expect(checkOf(v, 'binding.report_data').reason).toContain(
      '(signing address) are 614bc66f…4a02c921, expected bb4d2e7f…2b95e333',
    );
  });

  it('a changed compose file fails the compose check with both hashes', () => {
    const input = nearInput(gateway);
    const v = verifyTdxReport({ ...input, composeFile: `${input.composeFile} ` });
    expect(failedIds(v)).toEqual(['compose.hash']);
    expect(checkOf(v, 'compose.hash').reason).toMatch(
      /^the compose file hashes to [0-9a-f]{8}…[0-9a-f]{8}, the attested compose hash is 749f0c39…84853334$/,
    );
    expect(v.reached.knownCode).toBe(false);
  });

  it('a claimed compose hash that differs from the event log fails', () => {
    const v = verifyTdxReport(
      nearInput(gateway, {
        claimedComposeHash: 'c445f29994165e94e85bdfc4824f4bcba89b0a883f45e7912f1bfd7c2634a698',
      }),
    );
    expect(checkOf(v, 'compose.hash')).toMatchObject({
      status: 'fail',
      reason: expect.stringContaining('the report claims compose hash c445f299'),
    });
  });

  it('a pinned app now running another compose hash fails loudly', () => {
    const pinned = [{ appId: expected.gateway_attestation.app_id, composeHash: '00'.repeat(32) }];
    const v = verifyTdxReport(nearInput(gateway, { pinned }));
    expect(checkOf(v, 'pin.identity')).toMatchObject({
      status: 'fail',
      reason: expect.stringContaining('the code changed'),
    });
  });

  it('an event log whose event was edited fails the digest check and names the event', () => {
    const events = JSON.parse(gateway.event_log as string) as { event: string; event_payload: string }[];
    const edited = events.map((e) => (e.event === 'app-id' ? { ...e, event_payload: '00'.repeat(20) } : e));
    const v = verifyTdxReport(nearInput(gateway, { eventLog: edited }));
    expect(checkOf(v, 'eventlog.digests')).toMatchObject({
      status: 'fail',
      reason: expect.stringContaining('the "app-id" event'),
    });
    expect(checkOf(v, 'eventlog.rtmr3').status).toBe('skip');
  });

  it("another quote's event log does not replay to this RTMR3", () => {
    const v = verifyTdxReport(nearInput(gateway, { eventLog: report.model_attestations[0]!.event_log }));
    expect(checkOf(v, 'eventlog.rtmr3')).toMatchObject({
      status: 'fail',
      reason: expect.stringContaining("the quote's RTMR3 is 9cb21944…dcd8c0f5"),
    });
  });

  it('a TLS key not in the attested set fails the channel binding', () => {
    const v = verifyTdxReport(
      nearInput(gateway, {
        tls: { connectedKeySha256: 'cd'.repeat(32), attestedKeySha256: ['ab'.repeat(32)] },
      }),
    );
    expect(checkOf(v, 'tls.key')).toMatchObject({
      status: 'fail',
      reason: expect.stringContaining('is not among the 1 attested keys'),
    });
    expect(v.reached.channelBound).toBe(false);
  });

  it('judges the PCK chain at the given time: before the PCK certificate was issued it fails', () => {
    const v = verifyTdxReport(nearInput(gateway, { now: new Date('2015-01-01T00:00:00Z') }));
    expect(checkOf(v, 'pck.chain')).toMatchObject({
      status: 'fail',
      reason: expect.stringContaining('is not valid before'),
    });
    expect(checkOf(v, 'pck.chain').at).toBe('2015-01-01T00:00:00.000Z');
  });
});

describe('DCAP quotes with collateral (expected values from @phala/dcap-qvl 0.3.9)', () => {
  const tdx = sampleBytes('dcap/tdx_quote');
  const tdxData =
    '9a9d48e7f6799642d3d1b34e1e5e1742d4bb02dd6ddd551862c1211d35c304f9eca3efdbb481601c163cf52493d6e44aed55d51ec39b7e518fadb92c2b523f20';
  const at = (secs: number) => new Date(secs * 1000);
  const verifyTdx = (now: Date, quote = tdx) =>
    verifyTdxReport({ quote, now, collateral: tdxCollateral(), binding: exactReportData(tdxData) });

  it('TDX at its recorded time: UpToDate, no advisories, attested and current', () => {
    const v = verifyTdx(DCAP_TIME);
    expect(failedIds(v)).toEqual([]);
    expect(v.tcb).toEqual({ status: 'UpToDate', advisoryIds: [], fmspc: 'B0C06F000000' });
    expect(v.level).toBe('attested-current');
    expect(v.quote?.measurements?.mrtd).toBe(
      '91eb2b44d141d4ece09f0c75c2c53d247a3c68edd7fafe8a3520c942a604a407de03ae6dc5f87f27428b2538873118b7',
    );
    expect(v.quote?.measurements?.rtmr3).toBe('0'.repeat(96));
    expect(checkOf(v, 'eventlog.rtmr3').status).toBe('skip');
  });

  it('TDX one second before the earliest nextUpdate (the PCK CRL) is still UpToDate', () => {
    expect(verifyTdx(at(1752919234)).level).toBe('attested-current');
  });

  it('TDX after the PCK CRL nextUpdate: expired collateral (stricter than dcap-qvl, which ignores that date)', () => {
    const v = verifyTdx(at(1752920163));
    expect(failedIds(v)).toEqual(['collateral.pck_crl']);
    expect(checkOf(v, 'collateral.pck_crl').reason).toBe(
      'PCK CRL expired at 2025-07-19T10:00:35.000Z (its nextUpdate); fetch fresh collateral',
    );
    expect(v.level).toBe('hardware-bound');
  });

  it('TDX after the TCB info nextUpdate: the TCB info is expired', () => {
    const v = verifyTdx(at(1752920164));
    expect(checkOf(v, 'collateral.tcb_info')).toMatchObject({
      status: 'fail',
      reason: expect.stringContaining('TCB info expired at 2025-07-19T10:16:03.000Z'),
    });
    expect(v.level).toBe('hardware-bound');
  });

  it('TDX before the QE identity issue date: issued in the future', () => {
    const v = verifyTdx(at(1750329146));
    expect(checkOf(v, 'collateral.qe_identity').reason).toBe(
      'QE identity is issued 2025-06-19T10:32:27.000Z, after the check time 2025-06-19T10:32:26.000Z',
    );
  });

  it('TDX with report_data byte 0 flipped: the quote signature fails', () => {
    const v = verifyTdx(DCAP_TIME, flipByte(tdx, 568));
    expect(failedIds(v)).toEqual(['quote.signature', 'binding.report_data']);
  });

  it('TDX with tampered TCB info: its Intel signature fails', () => {
    const collateral = tdxCollateral();
    collateral.tcb_info = collateral.tcb_info.replace('"tcbStatus":"OutOfDate"', '"tcbStatus":"UpToDate"');
    const v = verifyTdxReport({ quote: tdx, now: DCAP_TIME, collateral, binding: exactReportData(tdxData) });
    expect(checkOf(v, 'collateral.tcb_info')).toMatchObject({
      status: 'fail',
      reason: 'TCB info signature does not verify under "Intel SGX TCB Signing"',
    });
    expect(checkOf(v, 'tcb.status').status).toBe('skip');
  });

  const sgx = sampleBytes('dcap/sgx_quote');
  it('SGX at its recorded time: ConfigurationAndSWHardeningNeeded is a warning with its advisory ids', () => {
    const v = verifyTdxReport({ quote: sgx, now: DCAP_TIME, collateral: sgxCollateral() });
    expect(failedIds(v)).toEqual([]);
    expect(v.tcb).toEqual({
      status: 'ConfigurationAndSWHardeningNeeded',
      advisoryIds: ['INTEL-SA-00289', 'INTEL-SA-00615'],
      fmspc: '00A067110000',
    });
    expect(checkOf(v, 'tcb.status')).toMatchObject({
      status: 'warn',
      reason: 'ConfigurationAndSWHardeningNeeded; advisories INTEL-SA-00289, INTEL-SA-00615',
    });
    expect(v.quote?.sgx?.mrEnclave).toBe('33d8736db756ed4997e04ba358d27833188f1932ff7b1d156904d3f560452fbb');
    expect(Buffer.from(v.quote!.sgx!.reportData, 'hex').toString('latin1')).toMatch(/^Hello, world!\0+$/);
  });

  it('SGX after the QE identity nextUpdate: the QE identity is expired', () => {
    const v = verifyTdxReport({
      quote: sgx,
      now: new Date('2025-07-19T10:01:19Z'),
      collateral: sgxCollateral(),
    });
    expect(checkOf(v, 'collateral.qe_identity').reason).toContain(
      'QE identity expired at 2025-07-19T10:01:18.000Z',
    );
  });

  it('SGX with report_data byte 0 flipped (byte 368): the quote signature fails', () => {
    const v = verifyTdxReport({ quote: flipByte(sgx, 368), now: DCAP_TIME, collateral: sgxCollateral() });
    expect(checkOf(v, 'quote.signature').status).toBe('fail');
  });
});

it('every check is stamped with the time it was judged at', () => {
  const v = verifyTdxReport(nearInput(report.gateway_attestation));
  expect(new Set(v.checks.map((c) => c.at))).toEqual(new Set([NEAR_TIME.toISOString()]));
});
