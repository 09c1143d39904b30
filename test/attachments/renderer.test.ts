import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64Parts, elideBase64, sha256OfBase64 } from '../../renderer/src/parts/attachments/elide';
import { buildCurl } from '../../renderer/src/features/inspector/curl';
import {
  readFailure,
  refusalBeforeReading,
  takeFiles,
  tooManyNotice,
} from '../../renderer/src/store/attachments/files';

const bytes = Buffer.alloc(3000, 7);
const body = JSON.stringify({
  messages: [
    {
      role: 'user',
      content: [
        { type: 'text', text: 'data:text/plain;base64,aGk= stays' },
        { type: 'image_url', image_url: { url: `data:image/png;base64,${bytes.toString('base64')}` } },
      ],
    },
  ],
});

describe('the inspector shows base64 as its size and SHA-256', () => {
  it('elides long data URLs only, with the decoded size and the hash of the bytes', async () => {
    const parts = base64Parts(body);
    expect(parts).toHaveLength(1);
    expect(parts[0]).toMatchObject({ mime: 'image/png', bytes: 3000 });
    const hash = await sha256OfBase64(parts[0]?.base64 ?? '');
    expect(hash).toBe(createHash('sha256').update(bytes).digest('hex'));
    const shown = elideBase64(body, [hash]);
    expect(shown).toContain(`data:image/png;base64,…3,000 bytes, SHA-256 ${hash}…`);
    expect(shown).toContain('data:text/plain;base64,aGk= stays');
    expect(shown.length).toBeLessThan(400);
  });

  it('makes curl read a large body from the file it names', () => {
    const command = buildCurl({
      url: 'https://x.test/v1/chat/completions',
      headers: {},
      body,
      bodyFile: 'req.json',
    });
    expect(command).toMatch(/--data-binary @req\.json$/);
    expect(command).not.toContain('base64');
  });
});

describe('files refused before they are read', () => {
  it('says why a file is not attached and how many did not fit', () => {
    expect(refusalBeforeReading({ name: 'big.mov', size: 500 * 1024 * 1024 })).toBe(
      'it is 500.0 MB; the largest file you can attach is 32.0 MB',
    );
    expect(refusalBeforeReading({ name: 'empty', size: 0 })).toMatch(/empty \(0 bytes\)/);
    expect(refusalBeforeReading({ name: 'ok.png', size: 10 })).toBeNull();
    const fifty = Array.from({ length: 50 }, (_, i) => i);
    expect(takeFiles(fifty, 0)).toEqual({ taken: fifty.slice(0, 20), left: 30 });
    expect(takeFiles(fifty, 18).left).toBe(48);
    expect(tooManyNotice(30)).toBe('30 files were not added: a message takes at most 20 files.');
    // Chromium's error for a file that changed on disk between the pick and the read.
    expect(readFailure(new DOMException('changed', 'NotReadableError'))).toBe(
      'the file changed or moved while it was being read; attach it again',
    );
  });
});
