// Screenshots of the threads pane (issue 13, startup): a long list drawn only in view (a pinned
// thread, a project folder, tags), the list after End, and the Project filter open, light and
// dark at 1440 and 1024 px.
// Usage: npx tsx scripts/shot-threads-pane.ts [--out /tmp/shots]
import { eachScheme, outDir, shoot } from './shotKit';

const out = outDir();

for (const width of [1440, 1024])
  await eachScheme({ viewport: { width, height: 900 } }, async (app, scheme) => {
    const { page, host } = app;
    const call = host.services.handlers;
    const ctx = { senderId: 0 };
    const project = await call['projects:save']({ name: 'Launch' }, ctx);
    const ids: string[] = [];
    for (let i = 0; i < 300; i++) ids.push((await call['threads:create']({}, ctx)).id);
    await call['threads:update']({ id: ids[0] ?? '', title: 'Pinned: release notes', pinned: true }, ctx);
    await call['projects:move']({ threadIds: ids.slice(1, 4), projectId: project.id }, ctx);
    await call['projects:setTags']({ threadId: ids[5] ?? '', tags: ['client', 'eval'] }, ctx);
    await page.reload();
    const threads = app.pages.threads;
    await threads.items.first().waitFor();
    const shot = (name: string) => shoot(page, `threads-pane-${name}-${width}-${scheme}.png`, out);
    await shot('top');
    await threads.items.nth(2).getByRole('button').first().focus();
    await page.keyboard.press('End');
    await shot('end');
    await page.keyboard.press('Home');
    await threads.pane
      .getByRole('group', { name: 'Filter threads' })
      .getByRole('button', { name: / Project$/ })
      .click();
    await page.getByRole('listbox').waitFor();
    await shot('project-filter');
    await page.keyboard.press('Escape');
  });
