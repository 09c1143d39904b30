// One change at a time inside a TD report whose signatures all still verify (under a test PKI):
// only the check about that change fails, with its own reason.
import { describe, expect, it } from 'vitest';
import { verifyTdxReport } from '../../../main/attestation/evidence';
import { testPki } from './forge';
import {
  DCAP_TIME,
  checkOf,
  failedIds,
  nearInput,
  nearReport,
  sampleBytes,
  sgxCollateral,
  tdxCollateral,
} from './samples';

const pki = testPki();
const report = nearReport();
const gateway = nearInput(report.gateway_attestation, { intelRootPem: pki.rootPem });
// TD report offsets inside a v4 quote (48-byte header first).
const TD_ATTRIBUTES = 48 + 120;
const MR_CONFIG_ID = 48 + 184;
const REPORT_DATA = 48 + 520;

describe('re-signed quotes', () => {
  it('an unedited re-signed quote passes every check under the test root', () => {
    const v = verifyTdxReport({ ...gateway, quote: pki.resign(gateway.quote, () => {}) });
    expect(failedIds(v)).toEqual([]);
    expect(v.level).toBe('hardware-bound');
    expect(checkOf(v, 'pck.chain').reason).toContain('(a test root)');
  });

  it('the same quote under the bundled Intel root fails the PCK chain: not issued by the pinned root', () => {
    const v = verifyTdxReport({
      ...gateway,
      intelRootPem: undefined,
      quote: pki.resign(gateway.quote, () => {}),
    });
    expect(failedIds(v)).toEqual(['pck.chain', 'quote.qe_signature']);
    expect(checkOf(v, 'pck.chain').reason).toBe(
      'the chain ends at the self-signed "Test SGX Root CA", not the pinned root "Intel SGX Root CA"',
    );
  });

  it('a debug TD fails only the debug check', () => {
    const v = verifyTdxReport({
      ...gateway,
      quote: pki.resign(gateway.quote, (b) => void (b[TD_ATTRIBUTES]! |= 0x01)),
    });
    expect(failedIds(v)).toEqual(['td.debug']);
    expect(checkOf(v, 'td.debug').reason).toBe(
      'the TD runs in debug mode (TD attributes bit 0): its memory is readable by the host',
    );
    expect(v.quote?.debug).toBe(true);
    expect(v.level).toBe('unverified');
  });

  it('a validly signed quote binding another signing address fails only the binding, naming the address', () => {
    const other = Buffer.from('bb4d2e7ffe98eefcd9690e2139be41e92b95e333', 'hex');
    const v = verifyTdxReport({
      ...gateway,
      quote: pki.resign(gateway.quote, (b) => void other.copy(b, REPORT_DATA)),
    });
    expect(failedIds(v)).toEqual(['binding.report_data']);
    expect(checkOf(v, 'binding.report_data').reason).toBe(
      'report_data bytes 0..20 (signing address) are bb4d2e7f…2b95e333, expected 614bc66f…4a02c921',
    );
  });

  it('a validly signed quote with another nonce fails only the binding, naming the nonce', () => {
    const v = verifyTdxReport({
      ...gateway,
      quote: pki.resign(gateway.quote, (b) => b.fill(7, REPORT_DATA + 32, REPORT_DATA + 64)),
    });
    expect(failedIds(v)).toEqual(['binding.report_data']);
    expect(checkOf(v, 'binding.report_data').reason).toBe(
      'report_data bytes 32..64 (nonce) are 07070707…07070707, expected 9a01356c…f059cba7',
    );
  });

  it('a validly signed quote whose mr_config_id names another compose fails only the compose check', () => {
    const v = verifyTdxReport({
      ...gateway,
      quote: pki.resign(gateway.quote, (b) => void (b[MR_CONFIG_ID + 1]! ^= 0xff)),
    });
    expect(failedIds(v)).toEqual(['compose.hash']);
    expect(checkOf(v, 'compose.hash').reason).toBe(
      'mr_config_id 018b9f0c…00000000 is not 01 ‖ compose hash 749f0c39…84853334 ‖ zeros',
    );
  });
});

it("a quote from another vendor's quoting enclave is refused while parsing", () => {
  const quote = pki.resign(gateway.quote, (b) => void b.fill(0xaa, 12, 28));
  expect(checkOf(verifyTdxReport({ ...gateway, quote }), 'quote.parse').reason).toBe(
    "QE vendor id aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa is not Intel's quoting enclave",
  );
});

describe('quote v5 (built from the v4 sample and re-signed)', () => {
  /** v5: version 5, then a body descriptor (type, size) before the TD report. */
  const toV5 = (v4: Buffer, type: 2 | 3): Buffer => {
    const header = Buffer.from(v4.subarray(0, 48));
    header.writeUInt16LE(5, 0);
    const extra = type === 3 ? Buffer.alloc(16 + 48) : Buffer.alloc(0);
    const descriptor = Buffer.alloc(6);
    descriptor.writeUInt16LE(type, 0);
    descriptor.writeUInt32LE(584 + extra.length, 2);
    return Buffer.concat([header, descriptor, v4.subarray(48), extra]);
  };

  for (const type of [2, 3] as const) {
    it(`a v5 quote with a TD ${type === 2 ? '1.0' : '1.5'} report verifies with the same measurements`, () => {
      const v = verifyTdxReport({ ...gateway, quote: pki.resign(gateway.quote, (b) => toV5(b, type)) });
      expect(failedIds(v)).toEqual([]);
      expect(v.quote?.version).toBe(5);
      expect(v.quote?.measurements?.rtmr3).toBe(
        '9cb21944193fa59ee9a49dd907a2f91e578d4e328593e4b161fe0cc02916ccd6f4a806988e88da0d3a5f2496dcd8c0f5',
      );
    });
  }

  it('a v5 body descriptor that lies about the size fails to parse', () => {
    const quote = pki.resign(gateway.quote, (b) => {
      const v5 = toV5(b, 2);
      v5.writeUInt32LE(600, 50);
      return v5;
    });
    expect(checkOf(verifyTdxReport({ ...gateway, quote }), 'quote.parse').reason).toBe(
      'v5 body type 2 of 600 bytes is not a TD report 1.0 or 1.5',
    );
  });
});

describe('who may sign collateral', () => {
  const collateralSignedBy = (cn: string) => {
    const signer = pki.signer(cn);
    const collateral = tdxCollateral();
    return {
      ...collateral,
      tcb_info_issuer_chain: signer.chainPem,
      tcb_info_signature: signer.sign(collateral.tcb_info),
    };
  };
  const quote = pki.resign(sampleBytes('dcap/tdx_quote'), () => {});

  it('TCB info signed by another certificate under the root is refused', () => {
    const v = verifyTdxReport({
      quote,
      now: DCAP_TIME,
      intelRootPem: pki.rootPem,
      collateral: collateralSignedBy('Test SGX PCK Certificate'),
    });
    expect(checkOf(v, 'collateral.tcb_info').reason).toBe(
      'TCB info is signed by "Test SGX PCK Certificate", not by "Intel SGX TCB Signing"',
    );
  });

  it('the same TCB info signed by a TCB Signing certificate passes that check', () => {
    const v = verifyTdxReport({
      quote,
      now: DCAP_TIME,
      intelRootPem: pki.rootPem,
      collateral: collateralSignedBy('Intel SGX TCB Signing'),
    });
    expect(checkOf(v, 'collateral.tcb_info').status).toBe('pass');
  });

  it('a PCK CRL from another CA (Processor instead of Platform) cannot vouch for this PCK certificate', () => {
    const sgx = sgxCollateral();
    const collateral = {
      ...tdxCollateral(),
      pck_crl: sgx.pck_crl,
      pck_crl_issuer_chain: sgx.pck_crl_issuer_chain,
    };
    const v = verifyTdxReport({ quote: sampleBytes('dcap/tdx_quote'), now: DCAP_TIME, collateral });
    expect(checkOf(v, 'collateral.pck_crl').status).toBe('pass');
    expect(checkOf(v, 'collateral.revocation').reason).toBe(
      'the PCK CRL comes from "Intel SGX PCK Processor CA", not from the PCK certificate\'s issuer',
    );
    expect(v.reached.attestedCurrent).toBe(false);
  });
});
