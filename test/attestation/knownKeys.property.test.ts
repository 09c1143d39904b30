// The per-answer signature check keeps the keys it recovered, by address, and checks the next
// answer's signature under the known key: it must say exactly what a fresh recovery would say.
import { secp256k1 } from '@noble/curves/secp256k1.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addressOfPublicKey,
  personalMessageHash,
  recoverSigner,
} from '../../main/attestation/formats/eip191';

const signer = () => {
  const secret = secp256k1.utils.randomSecretKey();
  return { secret, address: addressOfPublicKey(secp256k1.getPublicKey(secret, false)) };
};
const sign = (text: string, secret: Uint8Array): string => {
  const sig = secp256k1.sign(personalMessageHash(text), secret, { prehash: false, format: 'recovered' });
  return `0x${Buffer.from(sig.subarray(1)).toString('hex')}${((sig[0] ?? 0) + 27).toString(16)}`;
};

describe('known signing keys', () => {
  const provider = signer();
  const other = signer();
  // The first answer recovers the provider's key; from then on it is known.
  expect(recoverSigner('first', sign('first', provider.secret), provider.address)).toEqual({
    address: provider.address,
  });

  it('give the same signer as recovery for honest, foreign and damaged signatures', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom('honest', 'foreign', 'flipped', 'other text'),
        fc.nat(129),
        (text, kind, at) => {
          let sig = sign(text, kind === 'foreign' ? other.secret : provider.secret);
          if (kind === 'flipped') {
            const i = 2 + (at % 128);
            sig = `${sig.slice(0, i)}${sig[i] === '0' ? '1' : '0'}${sig.slice(i + 1)}`;
          }
          const message = kind === 'other text' ? `${text}!` : text;
          // Naming the provider's address (as the provider does) versus plain recovery.
          const fast = recoverSigner(message, sig, provider.address);
          const slow = recoverSigner(message, sig);
          expect(fast).toEqual(slow);
          if (kind === 'honest') expect(fast).toEqual({ address: provider.address });
          if (kind === 'foreign') expect(fast).toEqual({ address: other.address });
          if (kind !== 'honest' && kind !== 'foreign')
            expect(fast).not.toEqual({ address: provider.address });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a flipped recovery byte is not accepted under the known key', () => {
    const text = 'answer';
    const sig = sign(text, provider.secret);
    const v = sig.slice(-2) === '1b' ? '1c' : '1b';
    expect(recoverSigner(text, `${sig.slice(0, -2)}${v}`, provider.address)).not.toEqual({
      address: provider.address,
    });
  });
});
