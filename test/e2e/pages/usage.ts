import type { Locator, Page } from 'playwright-core';
import { NavRail } from './shell';
import { ToolRunsSection } from './toolRuns';

export type UsageChartName = 'tokens' | 'money' | 'status' | 'latency';

/** The Usage screen: totals and the four charts. */
export class UsageScreen {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await new NavRail(this.page).go('Usage');
  }

  get totals(): Locator {
    return this.page.getByTestId('usage-totals');
  }

  /** A total card's figure as a number ("1,234 requests" → 1234). */
  async total(name: 'requests' | 'tokens'): Promise<number> {
    const text = await this.page.getByTestId(`usage-total-${name}`).textContent();
    return Number(text?.replace(/[^\d.]/g, ''));
  }

  /** MCP tool runs beside the model's requests. */
  get toolRuns(): ToolRunsSection {
    return new ToolRunsSection(this.page);
  }

  chart(name: UsageChartName): Locator {
    return this.page.getByTestId(`usage-chart-${name}`);
  }

  /** Whether a chart has painted (ECharts loads on the first chart). */
  chartReady(name: UsageChartName): Promise<string | null> {
    return this.chart(name).getAttribute('data-chart-ready');
  }
}
