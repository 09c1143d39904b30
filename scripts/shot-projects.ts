// Screenshots of projects and tags (issue 18): the threads pane with a project folder, tags and
// the filter, and the usage screen with its project and tag filters, light and dark.
// Usage: npx tsx scripts/shot-projects.ts [--out /tmp/shots]
import { chooseIn } from '../test/e2e/pages/select';
import { eachScheme, goTo, outDir, sendAndWait, shoot } from './shotKit';

const out = outDir();

await eachScheme({ viewport: { width: 1440, height: 900 } }, async (app, scheme) => {
  const { page } = app;
  await page.getByTestId('thread-item').first().click();
  await sendAndWait(page, 'What did the launch cost?', 1, 20_000);
  await page.evaluate(async () => {
    const threads = await window.api.threads.list({});
    const first = threads.ok ? threads.value[0]?.id : undefined;
    if (first === undefined) throw new Error('no thread');
    const project = await window.api.projects.save({ name: 'Launch' });
    await window.api.projects.save({ name: 'Research' });
    if (!project.ok) throw new Error(project.error.message);
    await window.api.projects.move({ threadIds: [first], projectId: project.value.id });
    await window.api.projects.setTags({ threadId: first, tags: ['customer', 'eval'] });
  });
  await page.getByText('Research').first().waitFor({ state: 'attached' });
  const shot = (name: string) => shoot(page, `${name}-${scheme}.png`, out);
  await shot('projects-pane');
  await page.getByTestId('thread-item').first().click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Move to project Research' }).waitFor();
  await shot('projects-menu');
  await page.keyboard.press('Escape');
  await goTo(page, 'Usage');
  await page.getByTestId('usage-totals').waitFor();
  await chooseIn(page.getByRole('group', { name: 'Filters' }), 'Tag', 'eval');
  await shot('projects-usage');
});
