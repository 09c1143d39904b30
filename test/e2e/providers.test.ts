import type { Browser, Page } from 'playwright-core';
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

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name, exact: true }).click();

async function addProvider(
  page: Page,
  preset: string,
  baseUrl: string,
  secretLabel: string,
  secret: string,
  name?: string,
) {
  await page.getByRole('button', { name: '+ Add provider' }).click();
  await page
    .getByRole('list', { name: 'Provider presets' })
    .getByRole('button', { name: new RegExp(`^${preset}`) })
    .click();
  const form = page.locator('form.providers-detail');
  if (name) await form.getByLabel('Name').fill(name);
  await form.getByLabel('Base URL').fill(baseUrl);
  await form.getByLabel(secretLabel).fill(secret);
  await form.getByRole('button', { name: 'Add provider' }).click();
}

const modelIds = async (page: Page, providerName: string) =>
  (
    await page
      .getByRole('list', { name: `Models of ${providerName}` })
      .getByRole('listitem')
      .evaluateAll((items) => items.map((item) => item.getAttribute('aria-label') ?? ''))
  ).filter(Boolean);

describe('providers and the scope-filtered model list', () => {
  it('a newcomer is told to add a provider first', async () => {
    await expect.poll(() => app.page.getByText('Add a provider').first().isVisible()).toBe(true);
  });

  it('with an llm-confidential token only confidential models are usable; llm-all shows them all', async () => {
    const { page } = app;
    await nav(page, 'Providers');
    await addProvider(
      page,
      'Confidential LLM service',
      mock.confidentialBase,
      'Access token',
      mintJwt({ scopes: ['llm-confidential'] }),
      'Confidential',
    );
    await page.getByTestId('credential-status').getByText('llm-confidential').waitFor();

    const list = page.getByRole('list', { name: 'Models of Confidential' });
    await list.waitFor();
    const confidentialOnly = await modelIds(page, 'Confidential');
    expect(confidentialOnly.length).toBeGreaterThan(0);
    expect(confidentialOnly.every((id) => id.startsWith('phala/') || id.includes('-tee'))).toBe(true);
    expect(confidentialOnly).toContain('bluenexus/glm-4.7-flash-tee');

    await page.getByLabel('Replace access token').fill(mintJwt({ scopes: ['llm-all'] }));
    await page.getByRole('button', { name: 'Replace' }).click();
    await page.getByTestId('credential-status').getByText('llm-all').waitFor();
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect
      .poll(() => modelIds(page, 'Confidential'))
      .toEqual(expect.arrayContaining(['phala/gpt-oss-120b', 'openai/gpt-4o-mini']));

    // Back to confidential-only: the models seen under llm-all stay visible on request, with the reason.
    await page.getByLabel('Replace access token').fill(mintJwt({ scopes: ['llm-confidential'] }));
    await page.getByRole('button', { name: 'Replace' }).click();
    await page.getByTestId('credential-status').getByText('llm-confidential').waitFor();
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await page.getByRole('button', { name: /hidden models? and why/ }).click();
    const hidden = page.getByRole('listitem', { name: 'openai/gpt-4o-mini' });
    await expect.poll(() => hidden.textContent()).toContain('needs llm-other');
    await page.screenshot({ path: 'test-results/providers-confidential.png' });
  });

  it('adds Galadriel with an API key and shows its models, the secret never in the page', async () => {
    const { page } = app;
    await addProvider(page, 'Galadriel', mock.galadrielBase, 'API key', mock.apiKey);
    await expect
      .poll(() => modelIds(page, 'Galadriel'))
      .toEqual(expect.arrayContaining(['llama3.1:8b', 'llama3.1:70b']));
    const html = await page.content();
    expect(html).not.toContain(mock.apiKey);
  });

  it('adds a blank OpenAI-compatible provider pointing anywhere', async () => {
    const { page } = app;
    await addProvider(page, 'OpenAI-compatible', mock.galadrielBase, 'API key', mock.apiKey, 'My gateway');
    await expect.poll(() => modelIds(page, 'My gateway')).toContain('mistral-nemo:12b');
    const providers = await page.evaluate(() => window.api.providers.list({}));
    expect(providers.ok && providers.value.map((p) => p.name)).toEqual([
      'Confidential',
      'Galadriel',
      'My gateway',
    ]);
  });

  it('keeps a custom header value out of the window once saved, and sends it with every request', async () => {
    const { page } = app;
    const orgKey = 'org-header-secret-value-7777';
    const form = page.locator('.providers-detail');
    const openAdvanced = async () => {
      await page
        .getByRole('list', { name: 'Providers' })
        .getByRole('button', { name: /My gateway/ })
        .first()
        .click();
      await form.getByText('Advanced: headers and timeouts').click();
    };
    await openAdvanced();
    await form.getByRole('button', { name: '+ Add header' }).click();
    // The new row takes the focus: its name can be typed straight away.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Header 1 name');
    await form.getByLabel('Header 1 name').fill('X-Org-Key');
    await form.getByLabel('Header 1 value').fill(orgKey);
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved My gateway.').waitFor();
    // Reopened, the value is not there to read, only a placeholder; the page never holds it.
    await page.reload();
    await nav(page, 'Providers');
    await openAdvanced();
    await expect.poll(() => form.getByLabel('Header 1 name').inputValue()).toBe('X-Org-Key');
    expect(await form.getByLabel('Header 1 value').inputValue()).toBe('');
    expect(await form.getByLabel('Header 1 value').getAttribute('placeholder')).toBe(
      'saved · type to replace',
    );
    expect(await page.content()).not.toContain(orgKey);
    // Requests carry it: refreshing the model list sends it to the service.
    const before = mock.requests.length;
    await page
      .getByRole('button', { name: /Refresh/ })
      .first()
      .click();
    await expect
      .poll(() => mock.requests.slice(before).some((r) => r.headers['x-org-key'] === orgKey))
      .toBe(true);
  });
});
