import type { ReportDataBinding } from './types';
import { fromHex, shortHex, toHex } from './bytes';

const ZERO = (n: number): string => '00'.repeat(n);

function clean(hex: string, bytes: number, what: string): string {
  const h = toHex(fromHex(hex, what));
  if (h.length !== bytes * 2) throw new RangeError(`${what} must be ${bytes} bytes`);
  return h;
}

/** NEAR AI Cloud / dstack legacy: signing address (20) ‖ 12 zero bytes ‖ nonce (32). */
export function bindAddressAndNonce(signingAddress: string, nonce: string): ReportDataBinding {
  return {
    parts: [
      { name: 'signing address', offset: 0, hex: clean(signingAddress, 20, 'signing address') },
      { name: 'padding', offset: 20, hex: ZERO(12) },
      { name: 'nonce', offset: 32, hex: clean(nonce, 32, 'nonce') },
    ],
  };
}

/** NEAR compose manager: actions_hash (32) ‖ nonce (32). */
export function bindHashAndNonce(hash: string, nonce: string, hashName = 'actions hash'): ReportDataBinding {
  return {
    parts: [
      { name: hashName, offset: 0, hex: clean(hash, 32, hashName) },
      { name: 'nonce', offset: 32, hex: clean(nonce, 32, 'nonce') },
    ],
  };
}

/** ACI: sha256(statement) (32) ‖ 32 zero bytes. */
export function bindDigest(digest: string, name = 'statement digest'): ReportDataBinding {
  return {
    parts: [
      { name, offset: 0, hex: clean(digest, 32, name) },
      { name: 'padding', offset: 32, hex: ZERO(32) },
    ],
  };
}

/** The parts of `reportData` that differ from the binding, each as a sentence. */
export function bindingMismatches(reportData: Uint8Array, binding: ReportDataBinding): string[] {
  const problems: string[] = [];
  for (const part of binding.parts) {
    const want = part.hex.toLowerCase();
    const end = part.offset + want.length / 2;
    const got = toHex(reportData.subarray(part.offset, end));
    if (got !== want)
      problems.push(
        `report_data bytes ${part.offset}..${end} (${part.name}) are ${shortHex(got)}, expected ${shortHex(want)}`,
      );
  }
  return problems;
}
