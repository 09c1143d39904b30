import type { BundleInput } from './bundle';
import type { RecoveredSigner } from './formats/eip191';
import { knowsKey, learnKey } from './formats/eip191';
import type { EvidenceVerifier } from './worker/client';

/**
 * The first answer under an EIP-191 signing key main does not know yet: the key is recovered in
 * the evidence worker (a one-off secp256k1 recovery, about 14 ms of CPU that main's event loop
 * would otherwise wait on), main keeps it once it hashes to the named address, and the answer is
 * judged with the worker's finding. Any other answer: nothing to do (main checks it under the
 * known key, about 1 ms). Should the worker fail, main recovers the key itself: slower, not wrong.
 */
export async function signerOf(
  verifier: Pick<EvidenceVerifier, 'signer'>,
  input: Pick<BundleInput, 'signature'>,
): Promise<RecoveredSigner | undefined> {
  const signature = input.signature;
  if (signature?.format !== 'eip191' || knowsKey(signature.value.signing_address)) return undefined;
  const { text, signature: hex } = signature.value;
  const found = await verifier.signer({ kind: 'signer', message: text, signature: hex }).catch(() => null);
  if (found === null || typeof found !== 'object') return undefined;
  if ('error' in found && typeof found.error === 'string') return { error: found.error };
  if (!('address' in found) || typeof found.address !== 'string' || typeof found.publicKey !== 'string')
    return undefined;
  // Learnt only under the address it hashes to; a key for another address is just the finding.
  if (
    found.address === signature.value.signing_address.toLowerCase() &&
    !learnKey(found.address, found.publicKey)
  )
    return undefined;
  return { address: found.address };
}
