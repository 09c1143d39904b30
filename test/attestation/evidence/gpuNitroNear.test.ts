import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyGpuEvidence, verifyNearReport, verifyNitroDocument } from '../../../main/attestation/evidence';
import {
  AWS_NITRO_ROOT_PEM,
  INTEL_SGX_ROOT_PEM,
  NVIDIA_DEVICE_ROOT_PEM,
  ROOT_PINS,
} from '../../../main/attestation/evidence/roots';
import { sha256Hex } from '../../../main/attestation/evidence/certs';
import { NEAR_TIME, NONCE, checkOf, failedIds, nearReport, nearReportText, sampleJson } from './samples';

const report = nearReport();
const model = report.model_attestations[0]!;

interface Payload {
  evidence_list: { evidence: string; certificate: string }[];
}

describe('NVIDIA GPU evidence in the NEAR report', () => {
  it('all 8 H100s: our nonce, the P-384 signature and the chain to the NVIDIA root pass', () => {
    const v = verifyGpuEvidence({ payload: model.nvidia_payload, nonce: NONCE, now: NEAR_TIME });
    expect(failedIds(v)).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.gpus).toHaveLength(8);
    for (const gpu of v.gpus) {
      expect(gpu.arch).toBe('HOPPER');
      expect(gpu.chain).toHaveLength(5);
      expect(gpu.chain[0]!.subject).toMatch(/^CN=GH100 A01 GSP FMC LF,/);
      expect(gpu.chain[4]!.sha256).toBe('102bf659d5419614c9d8e6aecebc80454eb26b1df6a769ac720b9a690b167b48');
      expect(gpu.measurements.length).toBeGreaterThan(0);
    }
  });

  it('a flipped byte in one SPDM evidence breaks only that GPU signature', () => {
    const payload = JSON.parse(model.nvidia_payload!) as Payload;
    const bytes = Buffer.from(payload.evidence_list[3]!.evidence, 'base64');
    bytes[100]! ^= 0x01;
    payload.evidence_list[3]!.evidence = bytes.toString('base64');
    const v = verifyGpuEvidence({ payload, nonce: NONCE, now: NEAR_TIME });
    expect(failedIds(v)).toEqual(['gpu.3.signature']);
    expect(checkOf(v, 'gpu.3.signature').reason).toContain('it was changed');
    expect(v.ok).toBe(false);
  });

  it('another nonce fails every GPU nonce check', () => {
    const payload = { ...(JSON.parse(model.nvidia_payload!) as Payload), nonce: undefined };
    const v = verifyGpuEvidence({ payload, nonce: 'ab'.repeat(32), now: NEAR_TIME });
    expect(failedIds(v)).toEqual(Array.from({ length: 8 }, (_, i) => `gpu.${i}.nonce`));
    expect(checkOf(v, 'gpu.0.nonce').reason).toBe(
      'the SPDM request carries nonce 9a01356c…f059cba7, not ours abababab…abababab',
    );
  });
});

describe('the NEAR two-layer report as a whole', () => {
  it('verifies at its recorded time and nonce: gateway, model, signing key, compose manager, 8 GPUs', () => {
    const v = verifyNearReport({ report: nearReportText(), nonce: NONCE, now: NEAR_TIME });
    expect(failedIds({ checks: v.transcript })).toEqual([]);
    expect(v.level).toBe('hardware-bound');
    expect(v.gateway.signingAddress).toBe('0x614bc66ff0407dbb70b9c7ca1f5e983e4a02c921');
    expect(v.models[0]).toMatchObject({
      modelName: 'zai-org/GLM-5.1-FP8',
      signingAddress: '0xbb4d2e7ffe98eefcd9690e2139be41e92b95e333',
      level: 'hardware-bound',
    });
    expect(checkOf({ checks: v.transcript }, 'model.0.near.signing_key').reason).toBe(
      'signing_public_key is the key of 0xbb4d2e7ffe98eefcd9690e2139be41e92b95e333',
    );
    expect(checkOf({ checks: v.transcript }, 'model.0.compose_manager.binding.report_data').status).toBe(
      'pass',
    );
    expect(v.models[0]!.gpu?.ok).toBe(true);
    expect(
      v.transcript.filter((c) => /^model\.0\.gpu\.\d\.signature$/.test(c.id) && c.status === 'pass'),
    ).toHaveLength(8);
  });

  it('a wrong nonce fails every binding and every GPU nonce, and the report is unverified', () => {
    const v = verifyNearReport({ report: report, nonce: '00'.repeat(32), now: NEAR_TIME });
    expect(v.level).toBe('unverified');
    expect(failedIds({ checks: v.transcript }).filter((id) => id.endsWith('binding.report_data'))).toEqual([
      'gateway.binding.report_data',
      'model.0.binding.report_data',
      'model.0.compose_manager.binding.report_data',
    ]);
    expect(
      failedIds({ checks: v.transcript }).filter((id) => /^model\.0\.gpu\.\d\.nonce$/.test(id)),
    ).toHaveLength(8);
    expect(checkOf({ checks: v.transcript }, 'model.0.gpu.payload_nonce').status).toBe('fail');
  });

  it('a signing key that is not the address fails the model', () => {
    const tampered = structuredClone(report);
    tampered.model_attestations[0]!.signing_public_key =
      report.model_attestations[0]!.signing_public_key!.replace(/^../, '00');
    const v = verifyNearReport({ report: tampered, nonce: NONCE, now: NEAR_TIME });
    expect(failedIds({ checks: v.transcript })).toEqual(['model.0.near.signing_key']);
    expect(v.models[0]!.level).toBe('unverified');
    expect(v.level).toBe('unverified');
  });
});

interface NitroDoc {
  name: string;
  attestation_doc_b64: string;
  nonce_hex: string;
  public_key_hex: string;
  check_date_used_upstream: string;
  pcrs: Record<string, string>;
}

describe('AWS Nitro attestation documents', () => {
  const docs = sampleJson<{ documents: NitroDoc[] }>('nitro/nitro-attestation-docs.json').documents;
  for (const doc of docs) {
    const bytes = new Uint8Array(Buffer.from(doc.attestation_doc_b64, 'base64'));
    const when = new Date(doc.check_date_used_upstream);

    it(`${doc.name}: the COSE signature and the chain to the AWS root verify inside its 3-hour window`, () => {
      const v = verifyNitroDocument({
        document: bytes,
        now: when,
        nonce: doc.nonce_hex,
        publicKey: doc.public_key_hex,
        pcrs: { 0: doc.pcrs['0']! },
      });
      expect(failedIds(v)).toEqual([]);
      expect(v.level).toBe('hardware-bound');
      expect(v.document?.pcrs[0]).toBe(doc.pcrs['0']);
      expect(v.chain.at(-1)!.sha256).toBe('641a0321a3e244efe456463195d606317ed7cdcc3c1756e09893f3c68f79bb5b');
    });

    it(`${doc.name}: at today's date the short-lived leaf has expired`, () => {
      const v = verifyNitroDocument({ document: bytes, now: new Date('2026-12-01T00:00:00Z') });
      expect(failedIds(v)).toEqual(['nitro.chain']);
      expect(checkOf(v, 'nitro.chain').reason).toMatch(/expired at 2022-09-/);
    });

    it(`${doc.name}: a flipped payload byte breaks the signature; another nonce or PCR0 fails its check`, () => {
      const flipped = bytes.slice();
      flipped[200]! ^= 0x01;
      expect(checkOf(verifyNitroDocument({ document: flipped, now: when }), 'nitro.signature').status).toBe(
        'fail',
      );
      const v = verifyNitroDocument({
        document: bytes,
        now: when,
        nonce: '00'.repeat(12),
        pcrs: { 0: '11'.repeat(48) },
      });
      expect(failedIds(v)).toEqual(['nitro.nonce', 'nitro.pcrs']);
      expect(v.level).toBe('unverified');
    });
  }
});

describe('bundled trust roots', () => {
  it('are the vendored files byte for byte, pinned by their DER SHA-256', () => {
    const file = (name: string) => readFileSync(`main/attestation/roots/${name}`, 'utf8').trimEnd();
    expect(INTEL_SGX_ROOT_PEM.trimEnd()).toBe(file('intel-sgx-root-ca.pem'));
    expect(NVIDIA_DEVICE_ROOT_PEM.trimEnd()).toBe(file('nvidia-device-identity-ca.pem'));
    expect(AWS_NITRO_ROOT_PEM.trimEnd()).toBe(file('aws-nitro-enclaves-root-g1.pem'));
    expect(sha256Hex(readFileSync('main/attestation/roots/intel-sgx-root-ca.der'))).toBe(ROOT_PINS.intel);
    const der = (pem: string) => Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    expect(sha256Hex(der(INTEL_SGX_ROOT_PEM))).toBe(ROOT_PINS.intel);
    expect(sha256Hex(der(NVIDIA_DEVICE_ROOT_PEM))).toBe(ROOT_PINS.nvidia);
    expect(sha256Hex(der(AWS_NITRO_ROOT_PEM))).toBe(ROOT_PINS.aws);
  });
});

it('the NEAR report-level checks stay apart from the prefixed transcript, which holds every line once', () => {
  const v = verifyNearReport({ report: nearReportText(), nonce: NONCE, now: NEAR_TIME });
  expect(v.checks.map((c) => c.id)).toEqual(['near.parse', 'model.0.near.signing_key']);
  const ids = v.transcript.map((c) => c.id);
  expect(new Set(ids).size).toBe(ids.length);
  const parts =
    v.gateway.checks.length +
    v.models[0]!.checks.length +
    v.models[0]!.gpu!.checks.length +
    v.models[0]!.composeManager!.checks.length;
  expect(ids).toHaveLength(v.checks.length + parts);
});
