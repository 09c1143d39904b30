/**
 * AWS Nitro Enclaves attestation documents: the COSE_Sign1 ES384 signature under the document's
 * certificate, its chain (cabundle, root first) to the bundled AWS root at `now`, and, when asked,
 * our nonce, the signer's public key and expected PCRs. At most `hardware-bound`: a Nitro
 * enclave proves the answer came from audited code unmodified ("notarised"), not privacy.
 */
import type { X509Certificate } from 'node:crypto';
import type { NitroVerdict, NitroVerifyInput } from './types';
import { Transcript, boundary } from './checks';
import { EvidenceError, fromHex, shortHex, toHex } from './bytes';
import { chainProblem, commonName, parseCert, rootCert, sha256Hex, summarize, verifyRaw } from './certs';
import { asBytes, asMap, decodeCbor, parseCoseSign1, type CoseSign1 } from './cose';
import { AWS_NITRO_ROOT_PEM, ROOT_PINS } from './roots';

const MAX_CABUNDLE = 8;

interface Payload {
  moduleId: string;
  digest: string;
  timestamp: Date;
  pcrs: Record<number, string>;
  certificate: Uint8Array;
  cabundle: Uint8Array[];
  publicKey?: Uint8Array;
  userData?: Uint8Array;
  nonce?: Uint8Array;
}

function optionalBytes(v: unknown, what: string): Uint8Array | undefined {
  return v === null || v === undefined ? undefined : asBytes(v, what);
}

function readPayload(bytes: Uint8Array): Payload {
  const m = asMap(decodeCbor(bytes, 'the payload'), 'the payload');
  const text = (k: string): string => {
    const v = m.get(k);
    if (typeof v !== 'string') throw new EvidenceError(`the payload's ${k} is not text`);
    return v;
  };
  const ts = m.get('timestamp');
  if (typeof ts !== 'number' && typeof ts !== 'bigint')
    throw new EvidenceError("the payload's timestamp is not a number");
  const pcrs: Record<number, string> = {};
  for (const [k, v] of asMap(m.get('pcrs'), 'pcrs')) {
    if (typeof k !== 'number' || k < 0 || k > 31) throw new EvidenceError('a PCR index is not 0..31');
    pcrs[k] = toHex(asBytes(v, `PCR${k}`));
  }
  const bundle = m.get('cabundle');
  if (!Array.isArray(bundle) || bundle.length === 0 || bundle.length > MAX_CABUNDLE)
    throw new EvidenceError(`cabundle is not a list of 1..${MAX_CABUNDLE} certificates`);
  return {
    moduleId: text('module_id'),
    digest: text('digest'),
    timestamp: new Date(Number(ts)),
    pcrs,
    certificate: asBytes(m.get('certificate'), 'certificate'),
    cabundle: bundle.map((c, i) => asBytes(c, `cabundle[${i}]`)),
    publicKey: optionalBytes(m.get('public_key'), 'public_key'),
    userData: optionalBytes(m.get('user_data'), 'user_data'),
    nonce: optionalBytes(m.get('nonce'), 'nonce'),
  };
}

function expectations(t: Transcript, input: NitroVerifyInput, p: Payload): void {
  const compare = (
    id: string,
    label: string,
    want: string | undefined,
    got: Uint8Array | undefined,
    what: string,
  ): void => {
    if (want === undefined) return;
    const w = toHex(fromHex(want, what));
    if (!got) t.fail(id, label, `the document carries no ${what}`);
    else if (toHex(got) !== w)
      t.fail(id, label, `the document's ${what} is ${shortHex(toHex(got))}, expected ${shortHex(w)}`);
    else t.pass(id, label, `the document carries the expected ${what}`);
  };
  t.guard(
    'nitro.nonce',
    'Nonce',
    () => (compare('nitro.nonce', 'Nonce', input.nonce, p.nonce, 'nonce'), true),
  );
  t.guard(
    'nitro.public_key',
    'Signer key',
    () => (compare('nitro.public_key', 'Signer key', input.publicKey, p.publicKey, 'public key'), true),
  );
  if (input.pcrs === undefined) return;
  const wrong = Object.entries(input.pcrs).filter(([i, v]) => p.pcrs[Number(i)] !== v.toLowerCase());
  if (wrong.length === 0)
    t.pass(
      'nitro.pcrs',
      'Enclave image (PCRs)',
      `PCR${Object.keys(input.pcrs).join(', PCR')} match the published image`,
    );
  else
    t.fail(
      'nitro.pcrs',
      'Enclave image (PCRs)',
      wrong
        .map(
          ([i]) =>
            `PCR${i} is ${shortHex(p.pcrs[Number(i)] ?? 'absent')}, expected ${shortHex(input.pcrs![Number(i)]!)}`,
        )
        .join('; '),
    );
}

function runNitroDocument(input: NitroVerifyInput): NitroVerdict {
  const t = new Transcript(input.now);
  const verdict: NitroVerdict = { checks: t.checks, level: 'unverified', chain: [] };
  let cose: CoseSign1 | undefined;
  let payload: Payload | undefined;
  let root: X509Certificate | undefined;
  let chain: X509Certificate[] = [];
  t.guard('nitro.parse', 'Attestation document', () => {
    root = rootCert(input.awsRootPem ?? AWS_NITRO_ROOT_PEM);
    if (input.awsRootPem === undefined && sha256Hex(root.raw) !== ROOT_PINS.aws)
      throw new EvidenceError('the bundled AWS root does not match its pin');
    cose = parseCoseSign1(input.document);
    payload = readPayload(cose.payload);
    chain = [payload.certificate, ...[...payload.cabundle].reverse()].map((der, i) =>
      parseCert(der, `certificate ${i + 1}`),
    );
    return t.pass(
      'nitro.parse',
      'Attestation document',
      `module ${payload.moduleId}, ${payload.timestamp.toISOString()}, ${Object.keys(payload.pcrs).length} PCRs`,
    );
  });
  if (!cose || !payload || !root) return verdict;
  const p = payload;
  verdict.document = {
    moduleId: p.moduleId,
    timestamp: p.timestamp.toISOString(),
    digest: p.digest,
    pcrs: p.pcrs,
    publicKey: p.publicKey && toHex(p.publicKey),
    userData: p.userData && toHex(p.userData),
    nonce: p.nonce && toHex(p.nonce),
  };
  verdict.chain = chain.map(summarize);
  const sigOk = verifyRaw('sha384', chain[0]!.publicKey, cose.toBeSigned, cose.signature)
    ? t.pass('nitro.signature', 'Document signature', `"${commonName(chain[0]!)}" signs the document`)
    : t.fail(
        'nitro.signature',
        'Document signature',
        'the enclave certificate does not sign this document: it was changed',
      );
  const problem = chainProblem(chain, root, input.now);
  const chainOk = problem
    ? t.fail('nitro.chain', 'Certificate chain', problem)
    : t.pass(
        'nitro.chain',
        'Certificate chain',
        `${chain.length} certificates to the bundled AWS Nitro root`,
      );
  expectations(t, input, p);
  const others = t.checks.filter((c) => ['nitro.nonce', 'nitro.public_key', 'nitro.pcrs'].includes(c.id));
  verdict.level =
    sigOk && chainOk && others.every((c) => c.status === 'pass') ? 'hardware-bound' : 'unverified';
  return verdict;
}

/** Never throws: anything unexpected becomes a failed `verifier` check. */
export function verifyNitroDocument(input: NitroVerifyInput): NitroVerdict {
  return boundary(
    input.now,
    () => runNitroDocument(input),
    (t) => ({ checks: t.checks, level: 'unverified', chain: [] }),
  );
}
