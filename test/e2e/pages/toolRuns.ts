import type { Locator, Page } from 'playwright-core';

/** The Usage screen's "Tool runs" section: totals per server and tool, the runs, their exports. */
export class ToolRunsSection {
  constructor(readonly page: Page) {}

  get section(): Locator {
    return this.page.getByRole('region', { name: /^Tool runs/ });
  }

  /** "4 runs · 1 failed · 1.2 s running · p95 0.9 s" */
  get totalsLine(): Locator {
    return this.section.getByRole('heading', { level: 2 });
  }

  get perTool(): Locator {
    return this.section.getByTestId('usage-tool-totals');
  }

  get rows(): Locator {
    return this.section.getByTestId('usage-tool-run');
  }

  /** The cells of each run, as text: started, server, tool, thread, status, duration, result. */
  async table(): Promise<string[][]> {
    return this.rows.evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('td')].map((cell) => (cell.textContent ?? '').trim())),
    );
  }

  /** Shows only one tool's runs (its name in the per-tool table). */
  async only(tool: string): Promise<void> {
    await this.perTool.getByRole('button', { name: tool, exact: true }).click();
  }

  get showEveryTool(): Locator {
    return this.section.getByRole('button', { name: 'Show every tool' });
  }

  /** The thread link of a run (the n-th row, newest first). */
  thread(n: number): Locator {
    return this.rows.nth(n).getByRole('button');
  }

  exportButton(format: 'CSV' | 'JSON'): Locator {
    return this.section.getByRole('group', { name: 'Export tool runs' }).getByRole('button', {
      name: `Export ${format}`,
    });
  }

  get ignoredNote(): Locator {
    return this.section.getByTestId('usage-tool-runs-ignored');
  }
}

/** The thread header's "4 runs" (its name: "4 tool runs, 1 failed. …"), which opens the Usage screen on that thread. */
export class ThreadToolRunsCount {
  constructor(readonly page: Page) {}

  get button(): Locator {
    return this.page.getByTestId('thread-tool-runs');
  }
}
