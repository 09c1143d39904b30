import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { describe, expect, it } from 'vitest';
import { readFile } from '../../main/attachments/read';
import { fencedFile } from '../../main/attachments/text';
import { imageTokens } from '../../main/attachments/tokens';
import { makePdf, textPages } from './support/pdf';

const b64 = (bytes: Uint8Array | string): string => Buffer.from(bytes).toString('base64');

describe('token estimates', () => {
  it("follows OpenAI's published image examples", () => {
    expect(imageTokens(1024, 1024, 'high')).toBe(765);
    expect(imageTokens(2048, 4096, 'high')).toBe(1105);
    expect(imageTokens(4096, 8192, 'low')).toBe(85);
    // auto is counted as high: the preflight never promises less than is billed.
    expect(imageTokens(1024, 1024, 'auto')).toBe(765);
  });

  it('counts a text file as the tokenizer counts the fenced part that is sent', async () => {
    const text = 'def main():\n    print("héllo")\n'.repeat(50);
    const reply = await readFile({ id: 1, base64: b64(text), wireName: 'main.py' });
    expect(reply.ok && reply.result.kind === 'text' && reply.result.textTokens).toBe(
      countTokens(fencedFile('main.py', text)),
    );
  });

  it('counts a PDF as the tokenizer counts its extracted text with markers', async () => {
    const reply = await readFile({
      id: 2,
      base64: b64(makePdf({ pages: textPages(2, 5) })),
      wireName: 'r.pdf',
    });
    if (!reply.ok || reply.result.kind !== 'pdf') throw new Error('expected a PDF');
    expect(reply.result.textTokens).toBe(countTokens(new TextDecoder().decode(reply.result.text)));
    expect(new TextDecoder().decode(reply.result.text)).toMatch(
      /^r\.pdf \(PDF, 2 pages, text extracted\)\n\n--- Page 1 of 2 ---/,
    );
  });

  it('refuses an empty file and a binary one with their reasons', async () => {
    expect(await readFile({ id: 3, base64: '', wireName: 'empty.txt' })).toMatchObject({
      ok: false,
      message: /empty \(0 bytes\)/,
    });
    expect(
      await readFile({ id: 4, base64: b64(Buffer.from('PK\x03\x04....', 'latin1')), wireName: 'a.docx' }),
    ).toMatchObject({
      ok: false,
      message: /ZIP archive/,
    });
  });
});
