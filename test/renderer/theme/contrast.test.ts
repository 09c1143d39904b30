import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Text colours against the surfaces they are drawn on, in both schemes, by the WCAG 2 contrast
 * ratio (AA: 4.5:1 for text). The axe scans see only what a screen shows when scanned; a chip that
 * appears in one state (a denied tool run's warning) could ship at 4.29:1 unseen.
 */

const css = readFileSync(join(__dirname, '../../../renderer/src/styles/theme.css'), 'utf8');

function tokens(block: string): Map<string, string> {
  return new Map([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6});/giu)].map((m) => [m[1]!, m[2]!]));
}

const light = tokens(css.slice(0, css.indexOf('@media')));
const dark = new Map([...light, ...tokens(css.slice(css.indexOf('@media')))]);

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function ratio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const SURFACES = ['bg', 'bg-pane', 'bg-elev', 'bg-sunken', 'bg-hover', 'bg-selected'];
const PAIRS: [text: string, on: string[]][] = [
  ['fg', SURFACES],
  ['fg-muted', SURFACES],
  ['fg-subtle', ['bg', 'bg-pane', 'bg-elev', 'bg-sunken']],
  ['accent-fg', ['accent']],
  ['accent', ['bg', 'bg-pane', 'bg-elev', 'accent-soft']],
  ...['danger', 'warn', 'ok', 'confidential'].map((tone): [string, string[]] => [
    tone,
    [`${tone}-soft`, 'bg', 'bg-pane', 'bg-elev'],
  ]),
];

describe.each([
  ['light', light],
  ['dark', dark],
])('the %s theme', (_scheme, theme) => {
  it.each(PAIRS)('draws --%s readably (4.5:1) on each surface it is used on', (text, surfaces) => {
    const low = surfaces
      .map((surface) => ({ surface, ratio: ratio(theme.get(text)!, theme.get(surface)!) }))
      .filter((pair) => pair.ratio < 4.5)
      .map((pair) => `--${pair.surface} ${pair.ratio.toFixed(2)}:1`);
    expect(low).toEqual([]);
  });
});
