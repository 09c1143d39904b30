import type { Locator, Page } from 'playwright-core';
import { NavRail } from './shell';

/**
 * The Tools screen (the library of tool definitions, Import…, the tool editor) and the tool calls
 * an answer carries (the cards, the results the user answers with, argument problems).
 */
export class ToolsScreen {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await new NavRail(this.page).go('Tools');
  }

  get importButton(): Locator {
    return this.page.getByRole('button', { name: 'Import…' });
  }

  get importDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Import tools' });
  }

  /** Pastes `json` into Import tools and presses Import. */
  async importJson(json: string): Promise<void> {
    await this.importDialog.getByLabel('Tools JSON').fill(json);
    await this.importDialog.getByRole('button', { name: 'Import', exact: true }).click();
  }

  get newToolButton(): Locator {
    return this.page.getByRole('button', { name: 'New tool' });
  }

  /** The editable area of the tool editor's parameters schema (CodeMirror). */
  get schemaEditor(): Locator {
    return this.page.getByTestId('tool-schema-editor').locator('.cm-content');
  }

  /** An answer's tool calls and the results to send back. */
  toolCalls(answer: Locator): Locator {
    return answer.getByTestId('tool-calls');
  }

  /** One card per call, each named "Call to <function>". */
  callCards(answer: Locator): Locator {
    return this.toolCalls(answer).getByRole('article');
  }

  /** The function names of an answer's calls, in order. */
  async calledFunctions(answer: Locator): Promise<string[]> {
    const labels = await this.callCards(answer).evaluateAll((cards) =>
      cards.map((card) => card.getAttribute('aria-label') ?? ''),
    );
    return labels.map((label) => label.replace('Call to ', ''));
  }

  /** The field where the user types the result of a call to `fn`. */
  resultField(answer: Locator, fn: string): Locator {
    return this.toolCalls(answer).getByLabel(`Result of ${fn}`);
  }

  /** "Send 2 results". */
  sendResultsButton(answer: Locator, count: number): Locator {
    return this.toolCalls(answer).getByRole('button', { name: `Send ${count} results` });
  }

  /** A call's function name as shown (hidden characters made visible). */
  shownFunctionName(answer: Locator): Locator {
    return answer.locator('.tcalls-fn bdi');
  }

  argumentProblems(answer: Locator): Locator {
    return answer.getByRole('list', { name: 'Argument problems' });
  }

  unknownFunctionMarks(answer: Locator): Locator {
    return this.toolCalls(answer).getByText('unknown function', { exact: true });
  }
}
