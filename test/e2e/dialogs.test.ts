import { describe, expect, it } from 'vitest';
import { useDemoApp } from './harness';

/**
 * The dialogs without a flow of their own elsewhere in the suite: each is named, passes axe, Esc
 * closes it and focus goes back to the control that opened it, so the keyboard never lands on the
 * page's start.
 */
const demo = useDemoApp();

describe('dialogs', () => {
  it('tools import: after a refused import Esc still closes it, and focus returns to Import…', async () => {
    const { page } = demo.app;
    const { tools, overlays } = demo.pages;
    await tools.open();
    const opener = tools.importButton;
    await opener.click();
    await tools.importJson('[{"type":"function"}]');
    await tools.importDialog.getByRole('alert').waitFor();
    expect(await overlays.seriousInDialog()).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => overlays.open.count()).toBe(0);
    await expect.poll(() => overlays.isFocused(opener)).toBe(true);
  });

  it('provider delete: asks first with Cancel focused; Esc answers no and returns to Delete…', async () => {
    const { page } = demo.app;
    const { providers, overlays } = demo.pages;
    await providers.open();
    const opener = providers.deleteButton;
    await opener.click();
    const question = providers.deleteQuestion;
    await question.waitFor();
    await expect.poll(() => overlays.isFocused(question.getByRole('button', { name: 'Cancel' }))).toBe(true);
    expect(await overlays.seriousInDialog()).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => overlays.open.count()).toBe(0);
    await expect.poll(() => overlays.isFocused(opener)).toBe(true);
  });

  it('parameter presets: a popover dialog that Esc closes, back on its button', async () => {
    const { page } = demo.app;
    const { nav, inspector, settings, overlays } = demo.pages;
    await nav.go('Chats');
    await inspector.show('Parameters');
    const opener = settings.presetsButton;
    await opener.click();
    await settings.presetsPopover.getByLabel('Preset name').waitFor();
    expect(await overlays.seriousInDialog()).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => overlays.open.count()).toBe(0);
    await expect.poll(() => overlays.isFocused(opener)).toBe(true);
  });
});
