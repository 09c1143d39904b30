import type { Locator, Page } from 'playwright-core';

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

  /** The thread's tool_choice (Tools tab). */
  get toolChoice(): Locator {
    return this.pane.getByLabel('tool_choice');
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
