import { describe, expect, it } from 'vitest';
import { isAppUrl, isLoopbackHttpUrl, isSafeExternalUrl } from '../../main/navigation';

describe('window navigation guards', () => {
  it('keeps the window on our own pages', () => {
    expect(isAppUrl('app://llm-desk/index.html')).toBe(true);
    expect(isAppUrl('app://llm-desk/assets/x.js')).toBe(true);
    for (const url of [
      'https://example.com',
      'file:///etc/passwd',
      'app://other/index.html',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(isAppUrl(url)).toBe(false);
    }
  });

  it('opens only https links without credentials in the system browser', () => {
    expect(isSafeExternalUrl('https://platform.openai.com/docs')).toBe(true);
    for (const url of [
      'http://example.com',
      'file:///tmp/x',
      'javascript:alert(1)',
      'https://user:pw@example.com',
      'smb://host/share',
      '',
    ]) {
      expect(isSafeExternalUrl(url)).toBe(false);
    }
  });

  it('treats only real loopback hosts as loopback', () => {
    expect(isLoopbackHttpUrl('http://127.0.0.1:4100/api/v1/auth/authorize')).toBe(true);
    expect(isLoopbackHttpUrl('http://localhost:8080/x')).toBe(true);
    expect(isLoopbackHttpUrl('http://127.0.0.1.evil.example/x')).toBe(false);
    expect(isLoopbackHttpUrl('https://127.0.0.1/x')).toBe(false);
  });
});
