import type { Locator, Page } from 'playwright-core';
import { chooseIn, selectButton } from './select';

/**
 * A thread's settings in the inspector: the parameter panel (Parameters tab: parameters, the
 * system prompt, the response schema, presets) and the thread's tools (Tools tab: tool_choice).
 */
export class ThreadSettings {
  constructor(readonly page: Page) {}

  get pane(): Locator {
    return this.page.getByRole('complementary', { name: 'Inspector' });
  }

  /** A parameter's field by its exact label (`temperature`, `tool_choice`). */
  param(name: string): Locator {
    return this.pane.getByLabel(name, { exact: true });
  }

  /** The thread's tool_choice (Tools tab): a ui/Select, its button named "<choice> tool_choice". */
  get toolChoice(): Locator {
    return selectButton(this.pane, 'tool_choice');
  }

  /** The option of an open select's list, by its exact text ("none: never call a tool"). */
  option(name: string): Locator {
    return this.page.getByRole('listbox').getByRole('option', { name, exact: true });
  }

  /** Picks `option` in one of the pane's selects and waits until the select shows it. */
  async choose(label: 'tool_choice', option: string): Promise<void> {
    await chooseIn(this.pane, label, option);
  }

  get systemPrompt(): Locator {
    return this.pane.getByLabel('System prompt');
  }

  /** The editable area of the response format's JSON schema (CodeMirror). */
  get responseSchemaEditor(): Locator {
    return this.pane.getByTestId('response-schema-editor').locator('.cm-content');
  }

  /** Replaces the response schema's text as a user would (select all, type). */
  async typeResponseSchema(text: string): Promise<void> {
    await this.responseSchemaEditor.click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.insertText(text);
  }

  get presetsButton(): Locator {
    return this.pane.getByRole('button', { name: 'Presets' });
  }

  get presetsPopover(): Locator {
    return this.page.getByRole('dialog', { name: 'Parameter presets' });
  }

  get presetName(): Locator {
    return this.presetsPopover.getByLabel('Preset name');
  }

  /** Names of parameters whose label is clipped (an ellipsis, or text running out of its box). */
  async paramLabelsCut(): Promise<string[]> {
    await this.page.locator('label.param-name').first().waitFor();
    return this.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('label.param-name')]
        .filter(
          (label) => label.scrollWidth > label.clientWidth || label.scrollHeight > label.clientHeight + 1,
        )
        .map((label) => label.textContent ?? ''),
    );
  }
}
