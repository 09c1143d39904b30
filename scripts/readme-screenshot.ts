// Regenerates docs/screenshot.png and docs/screenshot-dark.png from the real UI (demo mock
// provider, real services): a tool call answered with its canned result, then an answer with code
// and the inspector's exact request.   npx tsx scripts/readme-screenshot.ts
import { newThreadLike, openFirstThread, send } from '../test/e2e/chat';
import { eachScheme, shoot } from './shotKit';

const FILES = { light: 'docs/screenshot.png', dark: 'docs/screenshot-dark.png' } as const;

await eachScheme({}, async (app, scheme) => {
  const { page } = app;
  await openFirstThread(page);
  await send(page, 'What is the weather in Lisbon?');
  const calls = page.getByTestId('tool-calls').last();
  await calls.locator('label', { hasText: 'Canned result' }).click();
  await calls.getByRole('button', { name: /^Send/ }).click();
  await newThreadLike(page, app.host.demoThreadId ?? '', {
    systemPrompt: 'You are a concise, friendly assistant.',
    params: { stream: true, include_usage: true, temperature: 0.7 },
  });
  await send(page, 'Show me code that parses server-sent events in TypeScript');
  await page.locator('[data-testid="message"][data-role="assistant"]').last().click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await inspector.getByRole('tab', { name: 'Request' }).click();
  // The tab's code loads when first opened: shot once the exact request is on screen.
  await inspector.getByTestId('request-body').waitFor();
  await shoot(page, FILES[scheme]);
});
