import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sniff } from '../../main/attachments/sniff';
import { fencedFile, wireName } from '../../main/attachments/text';

const utf16le = (text: string, bom: boolean): Uint8Array =>
  new Uint8Array([...(bom ? [0xff, 0xfe] : []), ...Buffer.from(text, 'utf16le')]);
const utf16be = (text: string): Uint8Array => {
  const le = Buffer.from(text, 'utf16le');
  return new Uint8Array([0xfe, 0xff, ...le.swap16()]);
};

describe('files are recognised by content, not by name', () => {
  it('reads UTF-8, UTF-8 with a BOM and UTF-16 in both byte orders, with or without a BOM', () => {
    const code = 'export const answer = 42; // ünïcödé ✓\n';
    expect(sniff(Buffer.from(code))).toEqual({ kind: 'text', encoding: 'utf-8', bom: 0 });
    expect(sniff(Buffer.from(`\ufeff${code}`))).toEqual({ kind: 'text', encoding: 'utf-8', bom: 3 });
    expect(sniff(utf16le(code, true))).toEqual({ kind: 'text', encoding: 'utf-16le', bom: 2 });
    expect(sniff(utf16le(code, false))).toEqual({ kind: 'text', encoding: 'utf-16le', bom: 0 });
    expect(sniff(utf16be(code))).toEqual({ kind: 'text', encoding: 'utf-16be', bom: 2 });
  });

  it('knows images and PDFs by their signatures, whatever they are called', () => {
    expect(sniff(Buffer.from('\x89PNG\r\n\x1a\n....', 'latin1'))).toEqual({ kind: 'image', format: 'png' });
    expect(sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toEqual({ kind: 'image', format: 'jpeg' });
    expect(sniff(Buffer.from('GIF89a....'))).toEqual({ kind: 'image', format: 'gif' });
    expect(sniff(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toEqual({ kind: 'image', format: 'webp' });
    expect(sniff(Buffer.from('%PDF-1.7\n...'))).toEqual({ kind: 'pdf' });
  });

  it('refuses binaries, naming the ones it knows', () => {
    expect(sniff(Buffer.from('PK\x03\x04rest', 'latin1'))).toMatchObject({ kind: 'binary', what: /ZIP/ });
    expect(sniff(Buffer.from('\x7fELF\x02\x01', 'latin1'))).toMatchObject({ kind: 'binary', what: /ELF/ });
    expect(sniff(new Uint8Array([0, 1, 2, 3, 250, 251, 252, 0, 0, 7, 8, 200]))).toEqual({
      kind: 'binary',
      what: null,
    });
  });

  it('reads any printable text in UTF-8 as text (property)', () => {
    const printable = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 300 })
      .filter(
        (s) =>
          !/[\p{Cc}]/u.test(s.replace(/[\t\n\r]/g, '')) &&
          !s.startsWith('%PDF') &&
          !/^(GIF8|RIFF|BM|PK|MZ|II|MM|SQLite)/.test(s),
      );
    fc.assert(
      fc.property(printable, (text) => {
        const sniffed = sniff(Buffer.from(text));
        expect(sniffed.kind).toBe('text');
      }),
    );
  });
});

describe('names and fences on the wire', () => {
  it('replaces control and bidi characters in a name and says which', () => {
    const name = wireName('invoice\u202Efdp.exe\u0007');
    expect(name.name).toBe('invoice_fdp.exe_');
    expect(name.note).toMatch(/U\+202E, U\+0007/);
    expect(wireName('notes.md')).toEqual({ name: 'notes.md', note: null });
  });

  it('fences a file with its name and a fence longer than any backtick run inside', () => {
    expect(fencedFile('a.md', 'x\n```js\ny\n```')).toBe('````a.md\nx\n```js\ny\n```\n````');
    expect(fencedFile('b.ts', 'const b = 1;\n')).toBe('```b.ts\nconst b = 1;\n```');
  });
});
