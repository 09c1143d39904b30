import type { Locator, Page } from 'playwright-core';
import { NavRail } from './shell';

/** The Providers screen: the list, the add / edit form, credentials, sign-in and models. */
export class ProvidersScreen {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await new NavRail(this.page).go('Providers');
  }

  get list(): Locator {
    return this.page.getByRole('grid', { name: 'Providers' });
  }

  get presets(): Locator {
    return this.page.getByRole('list', { name: 'Provider presets' });
  }

  get addButton(): Locator {
    return this.page.getByRole('button', { name: '+ Add provider' });
  }

  /** The add-provider form. */
  get newForm(): Locator {
    return this.page.locator('form.providers-detail');
  }

  /** The detail of what is selected: the add form, or the selected provider's editor. */
  get detail(): Locator {
    return this.page.locator('.providers-detail');
  }

  /** What a newcomer with no provider is told (first of the places that say it). */
  get addProviderHint(): Locator {
    return this.page.getByText('Add a provider').first();
  }

  /** "Saved <name>." once the form is saved. */
  saved(name: string): Locator {
    return this.page.getByText(`Saved ${name}.`);
  }

  /** A model in the lists (shown or hidden), by id. */
  model(id: string): Locator {
    return this.page.getByRole('listitem', { name: id });
  }

  get credentialStatus(): Locator {
    return this.page.getByTestId('credential-status');
  }

  models(providerName: string): Locator {
    return this.page.getByRole('list', { name: `Models of ${providerName}` });
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** The model list's Refresh (the first one when several are shown). */
  get refreshButton(): Locator {
    return this.page.getByRole('button', { name: 'Refresh', exact: true });
  }

  get deleteButton(): Locator {
    return this.page.getByRole('button', { name: 'Delete…' });
  }

  /** "Delete <name>?": the question Delete… asks. */
  get deleteQuestion(): Locator {
    return this.page.getByRole('alertdialog', { name: /^Delete .*\?$/ });
  }

  get signInButton(): Locator {
    return this.page.getByRole('button', { name: 'Sign in', exact: true });
  }

  get signInAgainButton(): Locator {
    return this.page.getByRole('button', { name: 'Sign in again', exact: true });
  }

  get waitingForBrowser(): Locator {
    return this.page.getByRole('button', { name: 'Waiting for the browser…' });
  }

  /** Cancel, while sign-in waits for the browser. */
  get cancelSignInButton(): Locator {
    return this.page.getByRole('button', { name: 'Cancel', exact: true });
  }

  get signInCancelled(): Locator {
    return this.page.getByText('Sign-in was cancelled; nothing was saved.');
  }

  /** Copy beside the sign-in address, and what it turns into once pressed. */
  copyButton(state: 'Copy' | 'Copied' = 'Copy'): Locator {
    return this.page.getByRole('button', { name: state, exact: true });
  }

  get unsavedChanges(): Locator {
    return this.page.getByText('Unsaved changes');
  }

  /** The sign-in address shown when no system browser can be opened. */
  get signInUrl(): Locator {
    return this.page.getByTestId('sign-in-url');
  }

  /** Adds a provider from a preset with its base URL and secret (and a name, if given). */
  async add(preset: string, baseUrl: string, secretLabel: string, secret: string, name?: string) {
    await this.addButton.click();
    await this.presets.getByRole('button', { name: new RegExp(`^${preset}`) }).click();
    if (name) await this.newForm.getByLabel('Name').fill(name);
    await this.newForm.getByLabel('Base URL').fill(baseUrl);
    await this.newForm.getByRole('textbox', { name: secretLabel, exact: true }).fill(secret);
    await this.newForm.getByRole('button', { name: 'Add provider' }).click();
  }

  /** Opens the add form on the first preset. */
  async startAddingFirstPreset(): Promise<void> {
    await this.addButton.click();
    await this.presets.getByRole('button').first().click();
    await this.newForm.getByLabel('Base URL').waitFor();
  }

  /** The ids of a provider's listed models, in order. */
  async modelIds(providerName: string): Promise<string[]> {
    const ids = await this.models(providerName)
      .getByRole('listitem')
      .evaluateAll((items) => items.map((item) => item.getAttribute('aria-label') ?? ''));
    return ids.filter(Boolean);
  }

  /** Replaces the saved access token (or key) and waits until the credential shows `expect`. */
  async replaceToken(token: string, expect: string): Promise<void> {
    await this.page.getByLabel('Replace access token').fill(token);
    await this.page.getByRole('button', { name: 'Replace' }).click();
    await this.credentialStatus.getByText(expect).waitFor();
  }

  /** A provider's row in the list (named by the provider). */
  row(name: string | RegExp): Locator {
    return this.list.getByRole('row', { name: typeof name === 'string' ? new RegExp(name) : name }).first();
  }

  /** A row's grip: Enter starts React Aria's keyboard drag; the mouse drags the whole row. */
  dragHandle(name: string): Locator {
    return this.list.getByRole('button', { name: `Reorder ${name}`, exact: true });
  }

  /** The providers' names in the list's order. */
  async order(): Promise<string[]> {
    return this.list
      .getByRole('row')
      .evaluateAll((rows) => rows.map((row) => row.querySelector('.providers-list-name')?.textContent ?? ''));
  }

  /** Drags one provider's row with the mouse and drops it on the upper half of another's. */
  async dragOnto(name: string, target: string): Promise<void> {
    const box = await this.row(target).boundingBox();
    if (!box) throw new Error(`${target} is not on screen`);
    await this.row(name).dragTo(this.row(target), { targetPosition: { x: box.width / 2, y: 4 } });
  }

  /** Selects a provider in the list. */
  async select(name: string | RegExp): Promise<void> {
    await this.row(name).click();
  }

  /** Selects a provider and opens its "Advanced: headers and timeouts". */
  async openAdvanced(name: string): Promise<void> {
    await this.select(name);
    await this.detail.getByText('Advanced: headers and timeouts').click();
  }

  /** The list of the models the credential hides, with the reason of each. */
  async showHiddenModels(): Promise<void> {
    await this.page.getByRole('button', { name: /hidden models? and why/ }).click();
  }
}
