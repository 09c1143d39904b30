import { describe, expect, it } from 'vitest';
import { useDemoApp } from './harness';

/**
 * The footer under the message box as a user sees it: where each key hint and the badge are drawn.
 * Key hints are everything in the footer outside the badge (key caps and their words).
 */
interface FooterLayout {
  /** Distinct lines the key hints are drawn on. */
  hintLines: number;
  /** Lines of text the badge is as tall as (1 = a pill, more = squeezed into a taller shape). */
  badgeLines: number;
  /** Whether any key hint is drawn over the badge. */
  overlaps: boolean;
  /** Pixels of footer content (hints, badge) past the message box's left or right edge. */
  outside: number;
  /** Whether the badge's own words ("Not verified") are cut. */
  statusCut: boolean;
}

function measure(footer: HTMLElement): FooterLayout {
  const badge = footer.querySelector<HTMLElement>('[data-testid="attestation-badge"]');
  if (!badge) throw new Error('no attestation badge in the footer');
  const box = footer.closest('.composer')?.querySelector('.composer-box')?.getBoundingClientRect();
  if (!box) throw new Error('no message box');
  const rects: DOMRect[] = [];
  const walk = (node: Node) => {
    if (node === badge) return;
    if (node.nodeType === Node.TEXT_NODE && node.textContent?.trim()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      rects.push(...[...range.getClientRects()].filter((r) => r.width > 0));
    } else if (node instanceof HTMLElement && node.tagName === 'KBD')
      rects.push(node.getBoundingClientRect());
    else node.childNodes.forEach(walk);
  };
  walk(footer);
  const cap = footer.querySelector('kbd')?.getBoundingClientRect().height ?? 16;
  const middles = rects.map((r) => r.top + r.height / 2).sort((a, b) => a - b);
  const hintLines = middles.filter((m, i) => i === 0 || m - (middles[i - 1] as number) > cap / 2).length;
  const b = badge.getBoundingClientRect();
  const style = getComputedStyle(badge);
  const inner = badge.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
  const overlaps = rects.some(
    (r) => r.left < b.right && r.right > b.left && r.top < b.bottom && r.bottom > b.top,
  );
  const drawn = [...rects, b];
  const outside = Math.max(
    0,
    ...drawn.map((r) => box.left - r.left),
    ...drawn.map((r) => r.right - box.right),
  );
  const words = badge.querySelector('svg + span');
  const w = words?.getBoundingClientRect();
  const statusCut = !words || !w || words.scrollWidth > words.clientWidth + 1 || w.right > b.right + 0.5;
  return {
    hintLines,
    badgeLines: Math.round(inner / parseFloat(style.lineHeight)),
    overlaps,
    outside,
    statusCut,
  };
}

describe('the message box’s key hints beside a "Not verified" attestation badge', () => {
  const demo = useDemoApp();

  // 1440: three panes; 1024: the narrow layout (inspector over the conversation); 760: narrower
  // than the desktop window may go, as the browser build can be.
  it.each([1440, 1024, 760])(
    'at %i px wide each keeps its own room: hints on one line, the badge a one-line pill, neither over the other',
    async (width) => {
      const { page } = demo.app;
      const { conversation } = demo.pages;
      await page.setViewportSize({ width, height: 800 });
      // The demo's confidential provider: its gateway's report does not bind the app's nonce.
      await expect
        .poll(() => conversation.attestationBadge.textContent(), { timeout: 20_000 })
        .toMatch(/^Not verified/);
      const layout = await conversation.composerFooter.evaluate(measure);
      expect(layout).toEqual({ hintLines: 1, badgeLines: 1, overlaps: false, outside: 0, statusCut: false });
    },
    40_000,
  );
});
