import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintJwt, startMockProvider, type MockProvider } from '../mock-provider';
import { launchChromium } from './browser';
import { openApp, type AppUnderTest } from './harness';

let browser: Browser;
let mock: MockProvider;
let app: AppUnderTest;

beforeAll(async () => {
  browser = await launchChromium();
  mock = await startMockProvider();
  app = await openApp(browser);
});
afterAll(async () => {
  await app?.close();
  await mock?.close();
  await browser?.close();
});

describe('providers and the scope-filtered model list', () => {
  it('a newcomer is told to add a provider first', async () => {
    await expect.poll(() => app.pages.providers.addProviderHint.isVisible()).toBe(true);
  });

  it('with an llm-confidential token only confidential models are usable; llm-all shows them all', async () => {
    const { page } = app;
    const { providers } = app.pages;
    await providers.open();
    await providers.add(
      'Confidential LLM service',
      mock.confidentialBase,
      'Access token',
      mintJwt({ scopes: ['llm-confidential'] }),
      'Confidential',
    );
    await providers.credentialStatus.getByText('llm-confidential').waitFor();

    await providers.models('Confidential').waitFor();
    const confidentialOnly = await providers.modelIds('Confidential');
    expect(confidentialOnly.length).toBeGreaterThan(0);
    expect(confidentialOnly.every((id) => id.startsWith('phala/') || id.includes('-tee'))).toBe(true);
    expect(confidentialOnly).toContain('bluenexus/glm-4.7-flash-tee');

    await providers.replaceToken(mintJwt({ scopes: ['llm-all'] }), 'llm-all');
    await providers.refreshButton.click();
    await expect
      .poll(() => providers.modelIds('Confidential'))
      .toEqual(expect.arrayContaining(['phala/gpt-oss-120b', 'openai/gpt-4o-mini']));

    // Back to confidential-only: the models seen under llm-all stay visible on request, with the reason.
    await providers.replaceToken(mintJwt({ scopes: ['llm-confidential'] }), 'llm-confidential');
    await providers.refreshButton.click();
    await providers.showHiddenModels();
    const hidden = providers.model('openai/gpt-4o-mini');
    await expect.poll(() => hidden.textContent()).toContain('needs llm-other');
    await page.screenshot({ path: 'test-results/providers-confidential.png' });
  });

  it('adds Galadriel with an API key and shows its models, the secret never in the page', async () => {
    const { page, pages } = app;
    await pages.providers.add('Galadriel', mock.galadrielBase, 'API key', mock.apiKey);
    // The models arrive after the key is checked and /models answers: on a loaded machine, seconds.
    await expect
      .poll(() => pages.providers.modelIds('Galadriel'), { timeout: 15_000 })
      .toEqual(expect.arrayContaining(['llama3.1:8b', 'llama3.1:70b']));
    const html = await page.content();
    expect(html).not.toContain(mock.apiKey);
  });

  it('adds a blank OpenAI-compatible provider pointing anywhere', async () => {
    const { page, pages } = app;
    await pages.providers.add('OpenAI-compatible', mock.galadrielBase, 'API key', mock.apiKey, 'My gateway');
    await expect
      .poll(() => pages.providers.modelIds('My gateway'), { timeout: 15_000 })
      .toContain('mistral-nemo:12b');
    const providers = await page.evaluate(() => window.api.providers.list({}));
    expect(providers.ok && providers.value.map((p) => p.name)).toEqual([
      'Confidential',
      'Galadriel',
      'My gateway',
    ]);
  });

  it('keeps a custom header value out of the window once saved, and sends it with every request', async () => {
    const { page } = app;
    const { providers, overlays } = app.pages;
    const orgKey = 'org-header-secret-value-7777';
    const form = providers.detail;
    await providers.openAdvanced('My gateway');
    await form.getByRole('button', { name: '+ Add header' }).click();
    // The new row takes the focus: its name can be typed straight away.
    await expect.poll(() => overlays.focusedLabel()).toBe('Header 1 name');
    await form.getByLabel('Header 1 name').fill('X-Org-Key');
    await form.getByLabel('Header 1 value').fill(orgKey);
    await form.getByRole('button', { name: 'Save changes' }).click();
    await providers.saved('My gateway').waitFor();
    // Reopened, the value is not there to read, only a placeholder; the page never holds it.
    await page.reload();
    await providers.open();
    await providers.openAdvanced('My gateway');
    await expect.poll(() => form.getByLabel('Header 1 name').inputValue()).toBe('X-Org-Key');
    expect(await form.getByLabel('Header 1 value').inputValue()).toBe('');
    expect(await form.getByLabel('Header 1 value').getAttribute('placeholder')).toBe(
      'saved · type to replace',
    );
    expect(await page.content()).not.toContain(orgKey);
    // Requests carry it: refreshing the model list sends it to the service.
    const before = mock.requests.length;
    await providers.refreshButton.first().click();
    await expect
      .poll(() => mock.requests.slice(before).some((r) => r.headers['x-org-key'] === orgKey))
      .toBe(true);
  });

  it('reorders by dragging a row and by Alt+↑/↓, each row with a grip named for it; React Aria has nothing to warn about', async () => {
    const { page } = app;
    const { providers } = app.pages;
    await providers.open();
    await providers.row('My gateway').waitFor();
    expect(await providers.order()).toEqual(['Confidential', 'Galadriel', 'My gateway']);
    expect(await providers.dragHandle('Galadriel').isVisible()).toBe(true);
    const saved = async () => {
      const list = await page.evaluate(() => window.api.providers.list({}));
      return list.ok ? list.value.map((p) => p.name) : [];
    };

    await providers.dragOnto('My gateway', 'Confidential');
    await expect.poll(() => providers.order()).toEqual(['My gateway', 'Confidential', 'Galadriel']);
    await expect.poll(saved).toEqual(['My gateway', 'Confidential', 'Galadriel']);

    await providers.row('My gateway').focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => providers.order()).toEqual(['Confidential', 'My gateway', 'Galadriel']);
    await expect.poll(saved).toEqual(['Confidential', 'My gateway', 'Galadriel']);

    // Draggable rows without a slot="drag" button made React Aria warn once per row.
    expect(app.warnings.filter((w) => /slot="drag"|GridList/.test(w))).toEqual([]);
  });
});
