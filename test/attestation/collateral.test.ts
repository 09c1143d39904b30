// Live Intel collateral: fetched from a PCS (here a local one serving the vendored collateral),
// cached in SQLite until its nextUpdate, and when the PCS cannot be reached the cached copy,
// saying so. Each way it can go wrong has its own sentence.
import { DatabaseSync } from 'node:sqlite';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CollateralBook, forgedCollateral } from '../../main/attestation/collateral/book';
import type { CollateralNeed } from '../../main/attestation/collateral/needs';
import { collateralNeeds } from '../../main/attestation/collateral/needs';
import { rawMember } from '../../main/attestation/collateral/pcs';
import { verifyTdxReport } from '../../main/attestation/evidence';
import { checkReport } from '../../main/attestation/report';
import { attestationCollateral } from '../../main/db/migrations/015-attestation-collateral';
import { DCAP_TIME, checkOf, exactReportData, sampleBytes } from './evidence/samples';
import { startMockPcs, type MockPcs } from './mockPcs';

const TDX_REPORT_DATA =
  '9a9d48e7f6799642d3d1b34e1e5e1742d4bb02dd6ddd551862c1211d35c304f9eca3efdbb481601c163cf52493d6e44aed55d51ec39b7e518fadb92c2b523f20';
const tdxQuote = sampleBytes('dcap/tdx_quote');
const body = (file: string) => ({
  signing_address: '0x614bc66ff0407dbb70b9c7ca1f5e983e4a02c921',
  intel_quote: Buffer.from(sampleBytes(file)).toString('hex'),
});
const LATER = new Date('2026-12-06T09:00:00Z');

let pcs: MockPcs;
let db: DatabaseSync;
let now = DCAP_TIME.getTime();
const book = (base = pcs.base) =>
  new CollateralBook(
    db,
    (input, init) => globalThis.fetch(input, init),
    { pcsBase: base, rootCaCrlUrl: pcs.rootCaCrlUrl },
    () => now,
  );
const needsOf = (file: string): CollateralNeed[] => collateralNeeds(body(file));
/** A port nothing listens on. */
let closedBase: string;

beforeAll(async () => {
  pcs = await startMockPcs();
  const gone = await startMockPcs();
  closedBase = gone.base;
  await gone.close();
});
afterAll(() => pcs.close());
beforeEach(() => {
  db = new DatabaseSync(':memory:');
  attestationCollateral.up(db);
  pcs.mode = 'ok';
  pcs.requests.length = 0;
  now = DCAP_TIME.getTime();
});

describe('Intel collateral from the PCS', () => {
  it('fresh collateral makes "Attested and current" reachable, and is served from the cache next time', async () => {
    const needs = needsOf('dcap/tdx_quote');
    expect(needs).toEqual([{ layer: 'single', tee: 'tdx', fmspc: 'B0C06F000000', ca: 'platform' }]);
    const got = await book().forNeeds(needs);
    expect(got.notes[0]).toMatchObject({ status: 'pass' });
    expect(got.notes[0]!.reason).toMatch(
      /fetched from 127\.0\.0\.1:\d+ now, current until 2025-07-19T10:00:35Z/,
    );
    expect(pcs.requests.map((r) => r.split('?')[0])).toEqual([
      '/tdx/certification/v4/tcb',
      '/tdx/certification/v4/qe/identity',
      '/sgx/certification/v4/pckcrl',
      '/IntelSGXRootCA.der',
    ]);
    const v = verifyTdxReport({
      quote: tdxQuote,
      now: DCAP_TIME,
      binding: exactReportData(TDX_REPORT_DATA),
      collateral: got.set.single,
    });
    expect(v.level).toBe('attested-current');
    expect(checkOf(v, 'tcb.status')).toMatchObject({
      status: 'pass',
      reason: 'UpToDate (FMSPC B0C06F000000)',
    });
    // The report's transcript says where the collateral came from.
    const report = checkReport({
      body: body('dcap/tdx_quote'),
      nonce: '00'.repeat(32),
      now: DCAP_TIME,
      pins: [],
      collateral: got.set,
      collateralNotes: got.notes,
    });
    expect(report.checks[0]).toMatchObject({
      id: 'collateral.source',
      status: 'pass',
      level: 'attested-current',
    });
    expect(report.checks.find((c) => c.id === 'tcb.status')?.status).toBe('pass');
    pcs.requests.length = 0;
    const again = await book().forNeeds(needs);
    expect(pcs.requests).toEqual([]);
    expect(again.notes[0]!.reason).toMatch(
      /from the cache \(fetched 2025-06-19T11:16:03Z from 127\.0\.0\.1:\d+\), current until/,
    );
  });

  it('an SGX platform under the Processor CA gets its own CRL and its TCB status as a warning with advisories', async () => {
    const needs = needsOf('dcap/sgx_quote');
    expect(needs[0]).toMatchObject({ tee: 'sgx', fmspc: '00A067110000', ca: 'processor' });
    const got = await book().forNeeds(needs);
    expect(pcs.requests).toContain('/sgx/certification/v4/pckcrl?ca=processor&encoding=der');
    const report = checkReport({
      body: body('dcap/sgx_quote'),
      nonce: '00'.repeat(32),
      now: DCAP_TIME,
      pins: [],
      collateral: got.set,
      collateralNotes: got.notes,
    });
    expect(report.checks.find((c) => c.id === 'tcb.status')).toMatchObject({
      status: 'warn',
      reason: 'ConfigurationAndSWHardeningNeeded; advisories INTEL-SA-00289, INTEL-SA-00615',
    });
  });

  it('collateral the PCS serves past its nextUpdate is said to be stale, and fails its date check', async () => {
    now = LATER.getTime();
    const got = await book().forNeeds(needsOf('dcap/tdx_quote'));
    expect(got.notes[0]).toMatchObject({ status: 'warn' });
    expect(got.notes[0]!.reason).toMatch(
      /served collateral for TDX FMSPC B0C06F000000 that was already past its nextUpdate \(2025-07-19T10:00:35Z\)/,
    );
    const v = verifyTdxReport({
      quote: tdxQuote,
      now: LATER,
      binding: exactReportData(TDX_REPORT_DATA),
      collateral: got.set.single,
    });
    expect(checkOf(v, 'collateral.tcb_info').reason).toBe(
      'TCB info expired at 2025-07-19T10:16:03.000Z (its nextUpdate); fetch fresh collateral',
    );
    expect(v.level).toBe('hardware-bound');
  });

  it('collateral with a wrong signature fails naming it, and is not kept', async () => {
    pcs.mode = 'wrong-signature';
    const got = await book().forNeeds(needsOf('dcap/tdx_quote'));
    const v = verifyTdxReport({
      quote: tdxQuote,
      now: DCAP_TIME,
      binding: exactReportData(TDX_REPORT_DATA),
      collateral: got.set.single,
    });
    expect(checkOf(v, 'collateral.tcb_info')).toMatchObject({
      status: 'fail',
      reason: 'TCB info signature does not verify under "Intel SGX TCB Signing"',
    });
    expect(v.level).toBe('hardware-bound');
    expect(forgedCollateral(v.checks)).toBe(true);
    // An expired copy is not forged: it stays cached as the offline fallback.
    expect(
      forgedCollateral([{ id: 'collateral.tcb_info', status: 'fail', reason: 'TCB info expired at x' }]),
    ).toBe(false);
  });

  it('an unreachable PCS with nothing cached says so: the TCB status is unknown', async () => {
    const got = await book(closedBase).forNeeds(needsOf('dcap/tdx_quote'));
    expect(got.set).toEqual({});
    expect(got.notes[0]).toMatchObject({ status: 'warn' });
    expect(got.notes[0]!.reason).toMatch(
      /^The collateral could not be fetched: 127\.0\.0\.1:\d+ could not be reached \(ECONNREFUSED\), and none for TDX FMSPC B0C06F000000 is cached: the TCB status is unknown\.$/,
    );
    const report = checkReport({
      body: body('dcap/tdx_quote'),
      nonce: '00'.repeat(32),
      now: DCAP_TIME,
      pins: [],
      collateral: got.set,
      collateralNotes: got.notes,
    });
    expect(report.checks.find((c) => c.id === 'collateral')).toMatchObject({ status: 'skip' });
  });

  it('an unreachable PCS falls back to the cached copy: current while within nextUpdate, said to be expired after', async () => {
    await book().forNeeds(needsOf('dcap/tdx_quote'));
    const offline = await book(closedBase).forNeeds(needsOf('dcap/tdx_quote'));
    expect(offline.notes[0]).toMatchObject({ status: 'pass' });
    expect(offline.notes[0]!.reason).toMatch(/from the cache/);
    now = LATER.getTime();
    const stale = await book(closedBase).forNeeds(needsOf('dcap/tdx_quote'));
    expect(stale.notes[0]).toMatchObject({ status: 'warn' });
    expect(stale.notes[0]!.reason).toMatch(
      /could not be reached \(ECONNREFUSED\); using the copy for TDX FMSPC B0C06F000000 cached on 2025-06-19T11:16:03Z, which expired at 2025-07-19T10:00:35Z\.$/,
    );
    const v = verifyTdxReport({
      quote: tdxQuote,
      now: LATER,
      binding: exactReportData(TDX_REPORT_DATA),
      collateral: stale.set.single,
    });
    expect(v.level).toBe('hardware-bound');
  });

  it('reads the exact signed text of a member, whatever it holds', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), (value, other) => {
        const member = JSON.stringify({ inner: value });
        const text = `{"other":${JSON.stringify(other)},"tcbInfo":${member},"signature":"ab"}`;
        expect(rawMember(text, 'tcbInfo')).toBe(member);
      }),
      { numRuns: 200 },
    );
  });
});
