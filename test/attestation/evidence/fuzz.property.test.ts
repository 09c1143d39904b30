// Hostile input never throws past a verifier: truncated, mutated and random evidence comes back
// as a transcript with a failed check and the `unverified` level.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DcapCollateral,
  verifyGpuEvidence,
  verifyNearReport,
  verifyNitroDocument,
  verifyTdxReport,
} from '../../../main/attestation/evidence';
import {
  DCAP_TIME,
  NEAR_TIME,
  NONCE,
  nearInput,
  nearReport,
  sampleBytes,
  sampleJson,
  tdxCollateral,
} from './samples';

const report = nearReport();
const gateway = nearInput(report.gateway_attestation);
const dcapQuote = sampleBytes('dcap/tdx_quote');
const payload = JSON.parse(report.model_attestations[0]!.nvidia_payload!) as {
  evidence_list: { arch: string; certificate: string; evidence: string }[];
};
const nitroDoc = new Uint8Array(
  Buffer.from(
    sampleJson<{ documents: { attestation_doc_b64: string }[] }>('nitro/nitro-attestation-docs.json')
      .documents[0]!.attestation_doc_b64,
    'base64',
  ),
);

const failedSomewhere = (v: { checks: { status: string }[] }): boolean =>
  v.checks.some((c) => c.status === 'fail');
const runs = { numRuns: 150 };

describe('TDX quote parser and verifier', () => {
  it('random bytes: a failed quote check, never a throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 6000 }), (bytes) => {
        const v = verifyTdxReport({ ...gateway, quote: bytes });
        expect(v.level).toBe('unverified');
        expect(failedSomewhere(v)).toBe(true);
      }),
      runs,
    );
  });

  // The recorded quote carries 70 bytes of padding after its signature data: cutting those
  // changes nothing signed, so only cuts inside the declared structure must fail.
  const declaredEnd = 636 + Buffer.from(gateway.quote).readUInt32LE(632);

  it('every truncation of a real quote fails to parse with a reason naming the field', () => {
    expect(declaredEnd).toBe(4936);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: declaredEnd - 1 }), (n) => {
        const v = verifyTdxReport({ ...gateway, quote: gateway.quote.subarray(0, n) });
        expect(v.level).toBe('unverified');
        expect(v.checks[0]).toMatchObject({
          id: 'quote.parse',
          status: 'fail',
          reason: expect.stringMatching(/truncated|runs past/),
        });
      }),
      runs,
    );
  });

  it('a real quote with random bytes overwritten never throws (and a changed signed byte never verifies)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: gateway.quote.length - 1 }), fc.integer({ min: 0, max: 255 })),
          { minLength: 1, maxLength: 8 },
        ),
        (edits) => {
          const quote = gateway.quote.slice();
          for (const [at, value] of edits) quote[at] = value;
          const v = verifyTdxReport({ ...gateway, quote });
          expect(v.checks.some((c) => c.id === 'verifier')).toBe(false);
          const signedChanged = edits.some(([at]) => at < 632 && quote[at] !== gateway.quote[at]);
          if (signedChanged) expect(v.level).toBe('unverified');
        },
      ),
      runs,
    );
  });

  it('random collateral fields never throw', () => {
    const keys = Object.keys(tdxCollateral()) as (keyof DcapCollateral)[];
    fc.assert(
      fc.property(
        fc.constantFrom(...keys),
        fc.oneof(
          fc.string(),
          fc.string({ unit: fc.constantFrom(...'0123456789abcdef') }),
          fc.constant('{}'),
          fc.constant('[]'),
        ),
        (key, value) => {
          const collateral = { ...tdxCollateral(), [key]: value };
          const v = verifyTdxReport({ quote: dcapQuote, now: DCAP_TIME, collateral });
          expect(v.reached.attestedCurrent).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('any JSON as the event log fails the event log checks, never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue().map((j) => JSON.stringify(j)),
          fc.array(fc.anything()),
        ),
        (eventLog) => {
          const v = verifyTdxReport({ ...gateway, eventLog: eventLog as string });
          expect(v.reached.knownCode).toBe(false);
        },
      ),
      runs,
    );
  });
});

describe('SPDM / GPU evidence', () => {
  it('truncated or random evidence fails that GPU only, never throws', () => {
    const real = Buffer.from(payload.evidence_list[0]!.evidence, 'base64');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 0, max: real.length - 1 }).map((n) => real.subarray(0, n)),
          fc.uint8Array({ maxLength: 5000 }).map((b) => Buffer.from(b)),
        ),
        (evidence) => {
          const list = [{ ...payload.evidence_list[0]!, evidence: evidence.toString('base64') }];
          const v = verifyGpuEvidence({ payload: { evidence_list: list }, nonce: NONCE, now: NEAR_TIME });
          expect(v.ok).toBe(false);
          expect(v.gpus[0]!.ok).toBe(false);
        },
      ),
      runs,
    );
  });

  it('any value as the payload gives a failed check, never a throw', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const v = verifyGpuEvidence({ payload: value, nonce: NONCE, now: NEAR_TIME });
        expect(v.ok).toBe(false);
        expect(failedSomewhere(v)).toBe(true);
      }),
      runs,
    );
  });
});

describe('COSE / Nitro documents', () => {
  it('truncated and random documents fail to parse, never throw', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 0, max: nitroDoc.length - 1 }).map((n) => nitroDoc.subarray(0, n)),
          fc.uint8Array({ maxLength: 6000 }),
        ),
        (document) => {
          const v = verifyNitroDocument({ document, now: NEAR_TIME });
          expect(v.level).toBe('unverified');
          expect(failedSomewhere(v)).toBe(true);
        },
      ),
      runs,
    );
  });
});

describe('NEAR report', () => {
  it('any value as the report, or a report with one field replaced, gives failed checks, never a throw', () => {
    const fields = [
      'intel_quote',
      'event_log',
      'signing_address',
      'signing_public_key',
      'nvidia_payload',
      'info',
      'compose_manager_attestation',
    ];
    fc.assert(
      fc.property(fc.anything(), fc.constantFrom(...fields), fc.boolean(), (value, field, whole) => {
        const tampered = structuredClone(report) as unknown as {
          model_attestations: Record<string, unknown>[];
        };
        tampered.model_attestations[0]![field] = value;
        const v = verifyNearReport({ report: whole ? value : tampered, nonce: NONCE, now: NEAR_TIME });
        expect(v.transcript.some((c) => c.id.endsWith('verifier'))).toBe(false);
        if (whole) expect(v.level).toBe('unverified');
      }),
      { numRuns: 40 },
    );
  });
});
