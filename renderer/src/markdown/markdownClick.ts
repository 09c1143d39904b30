import type { MouseEvent } from 'react';
import { api } from '../bridge/api';
import { copyText } from '../platform/files';

const COPIED_FOR_MS = 1500;

async function copyCode(button: HTMLElement): Promise<void> {
  const code = button.closest('.md-code')?.querySelector('pre code');
  if (!code) return;
  const ok = await copyText(code.textContent ?? '');
  button.textContent = ok ? 'Copied' : 'Copy failed';
  window.setTimeout(() => {
    button.textContent = 'Copy';
  }, COPIED_FOR_MS);
}

/**
 * One click handler for rendered markdown (event delegation, so the HTML stays a plain string):
 * Copy buttons on code blocks, and links, which never navigate the window but go to the system
 * browser through main's https check.
 */
export function onMarkdownClick(event: MouseEvent<HTMLElement>): void {
  const target = event.target;
  if (!(target instanceof Element)) return;
  const copy = target.closest<HTMLElement>('[data-md-copy]');
  if (copy) {
    event.preventDefault();
    void copyCode(copy);
    return;
  }
  const link = target.closest('a');
  if (link) {
    event.preventDefault();
    const href = link.getAttribute('href');
    if (href && link.hasAttribute('data-md-link')) void api.app.openExternal({ url: href });
  }
}
