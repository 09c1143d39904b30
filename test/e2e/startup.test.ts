import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialJs } from '../bench/startupAssets';
import { launchChromium } from './browser';
import { openApp } from './harness';

// Reads the built renderer (`npm test` builds before the test files run).
const RENDERER = join(process.cwd(), 'out/renderer');
const BUDGET_KB = 350;

describe('the first screen loads only what it shows', () => {
  it(`loads at most ${BUDGET_KB} KB of gzipped JS, without the chart library, the code editor, KaTeX or the schema check`, () => {
    const initial = initialJs(RENDERER);
    const code = initial.files.map((f) => readFileSync(join(RENDERER, f), 'utf8')).join('\n');
    // Marker strings of ECharts (zrender's painter registry), CodeMirror (its editor class names)
    // and KaTeX (its error message).
    expect(code).not.toContain('registerPainter');
    expect(code).not.toContain('cm-editor');
    expect(code).not.toContain('KaTeX parse error');
    // …nor the JSON Schema check (@cfworker/json-schema's message, RE2's exception class): ~53 KB.
    expect(code).not.toContain('Instance does not have required property');
    expect(code).not.toContain('RE2JSSyntaxException');
    expect(initial.lazyFiles.length).toBeGreaterThanOrEqual(3);
    expect(initial.gzipBytes / 1024).toBeLessThanOrEqual(BUDGET_KB);
  });
});

describe('the app as it starts', () => {
  it('reopens the newest thread with the cursor in its message box, ready to type', async () => {
    const browser = await launchChromium();
    try {
      const app = await openApp(browser, { demo: true });
      try {
        const { composer } = app.pages.conversation;
        await composer.waitFor({ timeout: 30_000 });
        await expect
          .poll(() => composer.evaluate((el) => el === document.activeElement), { timeout: 10_000 })
          .toBe(true);
        await app.page.keyboard.type('hello');
        expect(await composer.inputValue()).toBe('hello');
      } finally {
        await app.close();
      }
    } finally {
      await browser.close();
    }
  }, 60_000);
});
