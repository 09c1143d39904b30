/**
 * NVIDIA GPU evidence from `nvidia_payload`: per GPU, our nonce in the SPDM request, the P-384
 * signature under the device leaf key, and the leaf's chain to the bundled NVIDIA Device
 * Identity CA. Supplementary lines: they never gate a level. RIM, OCSP and NRAS appraisal need
 * the network and are not done here.
 */
import type { X509Certificate } from 'node:crypto';
import type { GpuResult, GpuVerdict, GpuVerifyInput } from './types';
import { Transcript, boundary } from './checks';
import { EvidenceError, fromBase64, fromHex, equalBytes, shortHex, toHex } from './bytes';
import {
  chainProblem,
  commonName,
  createCertCache,
  parsePemChain,
  type CertCache,
  rootCert,
  sha256Hex,
  summarize,
  verifyRaw,
} from './certs';
import { arr, obj, parseJson, str } from './json';
import { NVIDIA_DEVICE_ROOT_PEM, ROOT_PINS } from './roots';
import { parseSpdmEvidence } from './spdm';

const MAX_GPUS = 64;

function checkOne(
  t: Transcript,
  raw: unknown,
  index: number,
  nonce: Uint8Array,
  root: X509Certificate,
  now: Date,
  cache: CertCache,
): GpuResult {
  const result: GpuResult = { index, arch: '', ok: false, chain: [], measurements: [] };
  const id = (what: string): string => `gpu.${index}.${what}`;
  const label = (what: string): string => `GPU ${index}: ${what}`;
  let chain: X509Certificate[] = [];
  let spdm: ReturnType<typeof parseSpdmEvidence> | undefined;
  const parsed = t.guard(id('parse'), label('evidence'), () => {
    const e = obj(raw, `GPU ${index} evidence`);
    result.arch = str(e.arch ?? '', 'arch');
    const pem = new TextDecoder().decode(fromBase64(str(e.certificate, 'certificate'), 'certificate'));
    chain = parsePemChain(pem, `GPU ${index} certificate chain`, cache);
    spdm = parseSpdmEvidence(fromBase64(str(e.evidence, 'evidence'), 'evidence'));
    result.chain = chain.map(summarize);
    result.measurements = spdm.blocks;
    return t.pass(
      id('parse'),
      label('evidence'),
      `${result.arch || 'GPU'} SPDM evidence with ${spdm.blocks.length} measurements, leaf "${commonName(chain[0]!)}"`,
    );
  });
  if (!parsed || !spdm) return result;
  const s = spdm;
  const nonceOk = equalBytes(s.requestNonce, nonce)
    ? t.pass(id('nonce'), label('nonce'), 'the SPDM request carries our nonce')
    : t.fail(
        id('nonce'),
        label('nonce'),
        `the SPDM request carries nonce ${shortHex(toHex(s.requestNonce))}, not ours ${shortHex(toHex(nonce))}`,
      );
  const sigOk = verifyRaw('sha384', chain[0]!.publicKey, s.signed, s.signature)
    ? t.pass(id('signature'), label('signature'), 'the device key signs the request and measurements')
    : t.fail(
        id('signature'),
        label('signature'),
        'the device key does not sign this evidence: it was changed',
      );
  const problem = chainProblem(chain, root, now, cache);
  const chainOk = problem
    ? t.fail(id('chain'), label('certificate chain'), problem)
    : t.pass(
        id('chain'),
        label('certificate chain'),
        `${chain.length} certificates to the NVIDIA Device Identity CA`,
      );
  result.ok = nonceOk && sigOk && chainOk;
  return result;
}

function runGpuEvidence(input: GpuVerifyInput, cache: CertCache): GpuVerdict {
  const t = new Transcript(input.now);
  const verdict: GpuVerdict = { checks: t.checks, ok: false, gpus: [] };
  let list: unknown[] = [];
  let nonce: Uint8Array = new Uint8Array();
  let root: X509Certificate | undefined;
  let stated: unknown;
  const ok = t.guard('gpu.payload', 'GPU evidence', () => {
    root = rootCert(input.nvidiaRootPem ?? NVIDIA_DEVICE_ROOT_PEM);
    if (input.nvidiaRootPem === undefined && sha256Hex(root.raw) !== ROOT_PINS.nvidia)
      throw new EvidenceError('the bundled NVIDIA root does not match its pin');
    nonce = fromHex(input.nonce, 'the nonce');
    const payload = obj(parseJson(input.payload, 'nvidia_payload'), 'nvidia_payload');
    list = arr(payload.evidence_list, 'evidence_list');
    if (list.length === 0) throw new EvidenceError('evidence_list is empty');
    if (list.length > MAX_GPUS)
      throw new EvidenceError(`evidence_list has ${list.length} entries, more than ${MAX_GPUS}`);
    stated = payload.nonce;
    return t.pass('gpu.payload', 'GPU evidence', `${list.length} GPU evidences`);
  });
  if (!ok || !root) return verdict;
  const label = 'GPU payload nonce';
  t.guard('gpu.payload_nonce', label, () => {
    if (stated === undefined) return t.skip('gpu.payload_nonce', label, 'the payload states no nonce');
    const text = str(stated, 'the payload nonce').toLowerCase();
    if (text !== toHex(nonce))
      return t.fail(
        'gpu.payload_nonce',
        label,
        `the payload states nonce ${shortHex(text)}, not ours ${shortHex(toHex(nonce))}`,
      );
    return t.pass('gpu.payload_nonce', label, 'the payload states our nonce');
  });
  verdict.gpus = list.map((raw, i) => checkOne(t, raw, i, nonce, root!, input.now, cache));
  verdict.ok = verdict.gpus.every((g) => g.ok);
  return verdict;
}

/**
 * Never throws: anything unexpected becomes a failed `verifier` check. `cache` is internal:
 * verifyNearReport shares one across the whole report.
 */
export function verifyGpuEvidence(input: GpuVerifyInput, cache: CertCache = createCertCache()): GpuVerdict {
  return boundary(
    input.now,
    () => runGpuEvidence(input, cache),
    (t) => ({ checks: t.checks, ok: false, gpus: [] }),
  );
}
