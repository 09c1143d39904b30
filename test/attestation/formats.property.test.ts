import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CheckList } from '../../main/attestation/checks';
import { verifyAciReceipt } from '../../main/attestation/formats/aciReceipt';
import {
  parseLegacySignature,
  recoverSigner,
  verifyLegacySignature,
} from '../../main/attestation/formats/eip191';
import {
  galadrielSignatureValid,
  parseGaladrielProof,
  verifyGaladriel,
} from '../../main/attestation/formats/galadriel';
import { checkProof } from '../../main/attestation/proof';

// Whatever a provider (or a forged proof file) sends, the verifiers answer with failed checks and
// reasons: nothing throws past their boundary, and nothing random ever verifies.

const hexish = fc.oneof(fc.string(), fc.stringMatching(/^(0x)?[0-9a-f]{0,140}$/));
const list = () => new CheckList(new Date(0), 'signed');
const runs = { numRuns: 300 };

describe('signature formats on random input', () => {
  it('EIP-191: never throws, never passes', () => {
    fc.assert(
      fc.property(fc.anything(), fc.string(), hexish, (value, request, sig) => {
        const parsed = parseLegacySignature(value) ?? {
          text: `${'a'.repeat(64)}:${'b'.repeat(64)}`,
          signature: sig,
          signing_address: '0x00',
        };
        expect(
          verifyLegacySignature(list(), {
            requestBody: request,
            responseSha256: 'b'.repeat(64),
            signature: parsed,
          }),
        ).toBeNull();
        const out = recoverSigner(request, sig);
        expect('error' in out || /^0x[0-9a-f]{40}$/.test(out.address)).toBe(true);
      }),
      runs,
    );
  });

  it('ACI receipts: never throw, never sign', () => {
    fc.assert(
      fc.property(
        fc.anything(),
        fc.array(fc.record({ key_id: fc.string(), public_key: hexish })),
        fc.anything(),
        (receipt, keys, keyset) => {
          const l = list();
          const out = verifyAciReceipt(l, {
            receipt,
            keys,
            keyset,
            requestBody: 'x',
            responseSha256: 'c'.repeat(64),
          });
          expect(out.signed).toBe(false);
          expect(l.checks.some((c) => c.status === 'fail')).toBe(true);
        },
      ),
      runs,
    );
  });

  it('Galadriel: never throws, never verifies random proofs', () => {
    fc.assert(
      fc.property(fc.anything(), hexish, hexish, fc.string(), (body, key, sig, response) => {
        const proof = parseGaladrielProof(body) ?? { hash: 'ab'.repeat(32), public_key: key, signature: sig };
        expect(galadrielSignatureValid(proof.hash, proof.public_key, proof.signature)).toBe(false);
        expect(verifyGaladriel(list(), { requestBody: '{}', responseBody: response, proof })).toBeNull();
      }),
      runs,
    );
  });

  it('a proof file of any shape is refused with a reason, never a crash', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.anything().map(
            (v) =>
              JSON.stringify({
                format: 'llm-desk-proof/1',
                verdict: {},
                request: {},
                response: {},
                x: v,
              }) ?? '',
          ),
        ),
        (text) => {
          const out = checkProof(text);
          expect(out.same === false || out.problem === null).toBe(true);
          if (out.problem === null) expect(out.recomputed).not.toBeNull();
        },
      ),
      runs,
    );
  });
});
