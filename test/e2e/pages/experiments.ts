import type { Locator, Page } from 'playwright-core';
import { chooseIn, selectButton } from './select';

/** The Experiments screen's selects: a prompt message's role, the model picker, the run pickers. */
export type ExperimentsSelect =
  'Provider' | 'Add a model' | 'Run shown' | 'Before' | 'After' | `Role of message ${number}`;

/** The Experiments screen (setup, results, compare runs). */
export class ExperimentsScreen {
  constructor(readonly page: Page) {}

  get screen(): Locator {
    return this.page.getByRole('region', { name: 'Experiments' });
  }

  /** Picks `option` in one of the screen's selects; "Add a model" goes back to its placeholder. */
  async choose(label: ExperimentsSelect, option: string | RegExp): Promise<void> {
    await chooseIn(this.screen, label, option, label !== 'Add a model');
  }

  /** The option one of the screen's selects shows. */
  async shown(label: ExperimentsSelect): Promise<string> {
    return (await selectButton(this.screen, label).innerText()).trim();
  }

  /** Adds a model column: its provider, then the model once the provider's list has loaded. */
  async addModel(provider: string, model: string): Promise<void> {
    await this.choose('Provider', provider);
    await this.choose('Add a model', model);
  }
}
