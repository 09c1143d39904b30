/**
 * What a file is, read from its bytes, never from its name: a `.txt` that is really a ZIP is
 * refused, a `.log` that is UTF-16 is read as text.
 */
export type Sniffed =
  | { kind: 'image'; format: 'png' | 'jpeg' | 'gif' | 'webp' }
  | { kind: 'pdf' }
  | { kind: 'text'; encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; bom: number }
  | { kind: 'binary'; what: string | null };

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  signature.every((b, i) => bytes[at + i] === b);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** Known binary formats, so the refusal can say what the file is. */
const BINARIES: readonly { signature: number[]; at?: number; what: string }[] = [
  {
    signature: [0x50, 0x4b, 0x03, 0x04],
    what: 'a ZIP archive (Word, Excel and PowerPoint files are ZIPs too)',
  },
  { signature: [0x7f, 0x45, 0x4c, 0x46], what: 'a Linux program (ELF)' },
  { signature: [0x4d, 0x5a], what: 'a Windows program' },
  { signature: ascii('ftypheic'), at: 4, what: 'a HEIC photo (export it as JPEG first)' },
  { signature: ascii('ftyp'), at: 4, what: 'a video or HEIF file' },
  { signature: [0x49, 0x49, 0x2a, 0x00], what: 'a TIFF image (save it as PNG or JPEG first)' },
  { signature: [0x4d, 0x4d, 0x00, 0x2a], what: 'a TIFF image (save it as PNG or JPEG first)' },
  { signature: ascii('BM'), what: 'a BMP image (save it as PNG first)' },
  { signature: [0x1f, 0x8b], what: 'a gzip archive' },
  { signature: ascii('SQLite format 3'), what: 'an SQLite database' },
  { signature: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Office document (save it as PDF first)' },
];

function imageFormat(bytes: Uint8Array): 'png' | 'jpeg' | 'gif' | 'webp' | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  return null;
}

/** `%PDF-` may follow some junk; readers accept it within the first kilobyte. */
function isPdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

/** Control characters other than tab, newline, carriage return and form feed: few in any text. */
function controlShare(text: string): number {
  let controls = 0;
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f) controls++;
  }
  return sample.length === 0 ? 0 : controls / sample.length;
}

const decodes = (bytes: Uint8Array, encoding: string, bom: number): string | null => {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(bom));
  } catch {
    return null;
  }
};

/** UTF-16 without a BOM: ASCII-heavy text has a zero in every other byte. */
function utf16Guess(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

function textEncoding(bytes: Uint8Array): Extract<Sniffed, { kind: 'text' }> | null {
  const candidates: { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; bom: number }[] = [];
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) candidates.push({ encoding: 'utf-8', bom: 3 });
  else if (startsWith(bytes, [0xff, 0xfe])) candidates.push({ encoding: 'utf-16le', bom: 2 });
  else if (startsWith(bytes, [0xfe, 0xff])) candidates.push({ encoding: 'utf-16be', bom: 2 });
  else {
    const guess = utf16Guess(bytes);
    if (guess) candidates.push({ encoding: guess, bom: 0 });
    candidates.push({ encoding: 'utf-8', bom: 0 });
  }
  for (const candidate of candidates) {
    const text = decodes(bytes, candidate.encoding, candidate.bom);
    if (text !== null && controlShare(text) < 0.01) return { kind: 'text', ...candidate };
  }
  return null;
}

export function sniff(bytes: Uint8Array): Sniffed {
  const format = imageFormat(bytes);
  if (format) return { kind: 'image', format };
  if (isPdf(bytes)) return { kind: 'pdf' };
  for (const binary of BINARIES) {
    if (startsWith(bytes, binary.signature, binary.at ?? 0)) return { kind: 'binary', what: binary.what };
  }
  return textEncoding(bytes) ?? { kind: 'binary', what: null };
}
