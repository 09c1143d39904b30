import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialJs } from '../bench/startupAssets';
import { launchChromium } from './browser';
import { openApp, type AppUnderTest } from './harness';

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

describe('the first screen links only the styles it draws with', () => {
  it("links none of KaTeX's rules or fonts: they come with KaTeX, when a formula is first drawn", () => {
    const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
    const sheets = [...html.matchAll(/<link rel="stylesheet"[^>]*href="\.\/([^"]+\.css)"/gu)].map(
      (m) => m[1] ?? '',
    );
    expect(sheets.length).toBeGreaterThan(0);
    const css = sheets.map((file) => readFileSync(join(RENDERER, file), 'utf8')).join('\n');
    expect(css).toContain('.composer-input');
    expect(css).not.toContain('KaTeX_Main');
  });
});

/** A style sheet's rules as selector → the properties it sets (plain rules, @media contents included). */
function declarations(css: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const plain = css
    .replace(/\/\*[\s\S]*?\*\//gu, '')
    .replace(/@keyframes[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/gu, '');
  for (const [, selectors = '', body = ''] of plain.matchAll(/([^{}@;]+)\{([^{}]*)\}/gu)) {
    const properties = body
      .split(';')
      .map((d) => d.split(':')[0]?.trim() ?? '')
      .filter(Boolean);
    // Split on the commas between selectors, not those inside :is() or :not().
    let depth = 0;
    let start = 0;
    const list: string[] = [];
    for (let i = 0; i <= selectors.length; i++) {
      const c = selectors[i];
      if (c === '(') depth++;
      else if (c === ')') depth--;
      else if ((c === ',' && depth === 0) || c === undefined) {
        list.push(selectors.slice(start, i).trim());
        start = i + 1;
      }
    }
    for (const selector of list) {
      const set = out.get(selector) ?? new Set<string>();
      for (const property of properties) set.add(property);
      out.set(selector, set);
    }
  }
  return out;
}

describe('style sheets linked later', () => {
  it("never set a property the first screen's sheets set on the same selector", () => {
    // ui/panes.css once styled `.panes`, the chat screen's grid too: linked when Tools opened, it
    // came later in the cascade and broke the chat layout for the rest of the session.
    const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
    const first = [...html.matchAll(/<link rel="stylesheet"[^>]*href="\.\/([^"]+\.css)"/gu)].map(
      (m) => m[1] ?? '',
    );
    const initial = declarations(first.map((file) => readFileSync(join(RENDERER, file), 'utf8')).join('\n'));
    const later = readdirSync(join(RENDERER, 'assets'))
      .filter((file) => file.endsWith('.css') && !first.includes(`assets/${file}`))
      .map((file) => `assets/${file}`);
    expect(later.length).toBeGreaterThan(3);
    const clashes = later.flatMap((file) =>
      [...declarations(readFileSync(join(RENDERER, file), 'utf8'))].flatMap(([selector, properties]) =>
        [...properties]
          .filter((property) => initial.get(selector)?.has(property))
          .map((property) => `${file}: ${selector} { ${property} }`),
      ),
    );
    expect(clashes).toEqual([]);
  });
});

describe('the first screen asks for what it draws first', () => {
  it('asks for the first-paint script and the style sheets first, and leaves the app modules to that script', () => {
    const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
    const at = (pattern: RegExp) => html.search(pattern);
    const preload = at(/<link rel="preload" as="script" href="\.\/first-paint\.js"/u);
    expect(preload).toBeGreaterThan(at(/Content-Security-Policy/u));
    expect(preload).toBeLessThan(at(/<link rel="stylesheet"/u));
    // The sheets, the script and the bridge's shim fit one round of HTTP/1.1's six connections.
    expect(html.match(/<link rel="stylesheet"/gu)?.length).toBeLessThanOrEqual(4);
    // The app's modules are not fetched as the page is parsed: first-paint.js starts them once the
    // first paint is on screen (renderer/src/paint/start.ts).
    expect(html).not.toMatch(/<script type="module"|rel="modulepreload"/u);
    // The script it preloads runs where the page is parsed: at the end of <body>, once.
    const tags = [...html.matchAll(/<script src="\.\/first-paint\.js"([^>]*)><\/script>\s*<\/body>/gu)];
    expect(tags).toHaveLength(1);
    // It names Vite's entry chunk and every chunk the entry imports statically, as Vite would have linked them.
    const named = (name: string) => new RegExp(`${name}="([^"]*)"`, 'u').exec(tags[0]?.[1] ?? '')?.[1] ?? '';
    const manifest = JSON.parse(readFileSync(join(RENDERER, '.vite/manifest.json'), 'utf8')) as Record<
      string,
      { file: string; isEntry?: boolean; imports?: string[] }
    >;
    const entry = Object.values(manifest).find((chunk) => chunk.isEntry);
    const imported = new Set<string>();
    const visit = (keys: string[] = []): void => {
      for (const key of keys) {
        const chunk = manifest[key];
        if (!chunk || imported.has(chunk.file)) continue;
        imported.add(chunk.file);
        visit(chunk.imports);
      }
    };
    visit(entry?.imports);
    expect(named('data-app')).toBe(`./${entry?.file}`);
    expect(new Set(named('data-preload').split(' '))).toEqual(
      new Set([...imported].map((file) => `./${file}`)),
    );
    expect(imported.size).toBeGreaterThan(3);
  });
});

/** A fresh demo app in its own Chromium, closed (both) whatever `use` does. */
async function withDemoApp(use: (app: AppUnderTest) => Promise<void>): Promise<void> {
  const browser = await launchChromium();
  try {
    const app = await openApp(browser, { demo: true });
    try {
      await use(app);
    } finally {
      await app.close();
    }
  } finally {
    await browser.close();
  }
}

describe('the app as it starts', () => {
  it('reopens the newest thread with the cursor in its message box, ready to type', async () => {
    await withDemoApp(async (app) => {
      const { composer } = app.pages.conversation;
      await composer.waitFor({ timeout: 30_000 });
      await expect
        .poll(() => composer.evaluate((el) => el === document.activeElement), { timeout: 10_000 })
        .toBe(true);
      await app.page.keyboard.type('hello');
      expect(await composer.inputValue()).toBe('hello');
    });
  }, 60_000);
});

describe('math', () => {
  // KaTeX may arrive after the answer streamed its formulas as TeX (it used to keep the TeX then).
  it("draws a formula in KaTeX's own fonts and layout once KaTeX and its styles have loaded", async () => {
    await withDemoApp(async (app) => {
      const { conversation } = app.pages;
      await conversation.composer.waitFor({ timeout: 30_000 });
      app.host.mock?.script({
        reply: { content: 'The sum is $\\sum_{i=1}^{n} i$ and $$\\frac{a}{b}$$', chunks: 3 },
      });
      await conversation.send('Some math, please');
      const formula = conversation.answers.last().locator('.katex').first();
      await expect.poll(() => formula.count(), { timeout: 20_000 }).toBe(1);
      await expect
        .poll(() => formula.evaluate((el) => getComputedStyle(el).fontFamily), { timeout: 10_000 })
        .toContain('KaTeX_Main');
      // The MathML copy for assistive technology is there, and visually hidden by KaTeX's sheet.
      const mathml = conversation.answers.last().locator('.katex-mathml').first();
      expect(await mathml.evaluate((el) => getComputedStyle(el).position)).toBe('absolute');
    });
  }, 90_000);
});

describe('a start after the first', () => {
  it('paints the last chat screen before the app runs, takes typing there, and sends it once the app runs', async () => {
    await withDemoApp(async (app) => {
      const { page } = app;
      const mock = app.host.mock;
      if (!mock) throw new Error('the demo has a mock provider');
      await app.pages.conversation.composer.waitFor({ timeout: 30_000 });
      await app.pages.conversation.send('A first question');
      // The app keeps its copy of the screen once it has been still for a moment.
      await page.waitForFunction(
        () => localStorage.getItem('llm-desk.first-paint')?.includes('A first question') === true,
        null,
        { timeout: 15_000 },
      );
      // The app's own code held back: what the window shows and does is the first paint alone.
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route(/\/assets\/index-[^/]*\.js$/u, async (route) => {
        await held;
        await route.continue();
      });
      await page.reload({ waitUntil: 'commit' });
      const firstPaint = page.locator('#first-paint');
      await firstPaint.waitFor({ timeout: 30_000 });
      expect(await firstPaint.getByTestId('message').count()).toBeGreaterThan(0);
      const box = firstPaint.getByTestId('composer');
      expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.type('Hello from the first paint');
      await page.keyboard.press('Enter');
      // Enter is held, not a line break; nothing is sent before the app runs.
      expect(await box.inputValue()).toBe('Hello from the first paint');
      const chats = () => mock.requests.filter((r) => r.path.endsWith('/chat/completions'));
      const before = chats().length;
      release();
      await firstPaint.waitFor({ state: 'detached', timeout: 30_000 });
      // The app's own box took over: focused, and the held Enter sent the text to the provider.
      await app.pages.conversation.questions.filter({ hasText: 'Hello from the first paint' }).waitFor();
      await expect.poll(() => chats().length, { timeout: 10_000 }).toBe(before + 1);
      expect(chats().at(-1)?.bodyText).toContain('Hello from the first paint');
      expect(await app.pages.conversation.composer.inputValue()).toBe('');
      expect(await app.pages.conversation.composer.evaluate((el) => el === document.activeElement)).toBe(
        true,
      );
    });
  }, 90_000);
});
