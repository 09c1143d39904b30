import type { Locator, Page } from 'playwright-core';
import { chooseIn } from './select';

/** The threads pane: the list of threads, New thread, search. */
export class ThreadsPane {
  constructor(readonly page: Page) {}

  get pane(): Locator {
    return this.page.getByRole('complementary', { name: 'Threads' });
  }

  get newThreadButton(): Locator {
    return this.pane.getByRole('button', { name: 'New thread', exact: true });
  }

  get items(): Locator {
    return this.page.getByTestId('thread-item');
  }

  /** The open thread's row. */
  get current(): Locator {
    return this.page.locator('[data-testid="thread-item"].is-current');
  }

  currentId(): Promise<string | null> {
    return this.current.getAttribute('data-thread-id');
  }

  title(item: Locator): Locator {
    return item.locator('.thread-title');
  }

  /** Opens a thread's menu with a right-click and picks `action` (Archive, Delete…, …). */
  async fromMenu(item: Locator, action: string): Promise<void> {
    await item.click({ button: 'right' });
    await this.page.getByRole('menuitem', { name: action }).click();
  }

  /**
   * Filters the list by the pane's Project or Tag select: a project's name, 'No project', a tag, or
   * 'Projects' / 'Tags' for every thread again.
   */
  async filterBy(label: 'Project' | 'Tag', option: string): Promise<void> {
    await chooseIn(this.pane.getByRole('group', { name: 'Filter threads' }), label, option);
  }

  /** A thread's row: in the page only while drawn (in view of the list), focused or open. */
  item(threadId: string): Locator {
    return this.page.locator(`[data-testid="thread-item"][data-thread-id="${threadId}"]`);
  }

  /** Opens a thread from the list and waits for its message box. */
  async open(threadId: string): Promise<void> {
    await this.item(threadId).click();
    await this.page.getByRole('textbox', { name: 'Message', exact: true }).waitFor();
  }

  async openFirst(): Promise<void> {
    await this.items.first().click();
    await this.page.getByRole('textbox', { name: 'Message', exact: true }).waitFor();
  }

  /**
   * A fresh thread on the template thread's provider and model (settings merged over them), made
   * through the same API the app uses, then opened from the list; returns its id.
   */
  async createLike(templateId: string, settings: Record<string, unknown> = {}): Promise<string> {
    const id = await this.page.evaluate(
      async ({ templateId, settings }) => {
        const template = await window.api.threads.get({ id: templateId });
        if (!template.ok) throw new Error(template.error.message);
        const { providerId, model } = template.value.thread.settings;
        const created = await window.api.threads.create({
          settings: { providerId, model, toolIds: [], ...settings },
        });
        if (!created.ok) throw new Error(created.error.message);
        return created.value.id;
      },
      { templateId, settings },
    );
    await this.open(id);
    return id;
  }
}
