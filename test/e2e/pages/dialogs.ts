import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';

// axe-core's own build, evaluated in the page through the DevTools protocol: the bridge's CSP
// (`script-src 'self'`) refuses inline and foreign scripts, so addScriptTag cannot inject it.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  nodes: string[];
}

/**
 * What is laid over the page (dialogs, alert dialogs, popovers that are dialogs) and where the
 * keyboard is; and the axe scan of the page or of the open dialog.
 */
export class Overlays {
  constructor(readonly page: Page) {}

  /** Every open dialog or alert dialog. */
  get open(): Locator {
    return this.page.locator('[role="dialog"], [role="alertdialog"]');
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  alertDialog(name: string | RegExp): Locator {
    return this.page.getByRole('alertdialog', { name });
  }

  /** A toast (bottom-right notice) holding `text`. */
  toast(text: string): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  /** A button of a toast (Undo, Retry, …). */
  toastAction(toast: Locator, name: string): Locator {
    return toast.getByRole('button', { name });
  }

  isFocused(locator: Locator): Promise<boolean> {
    return locator.evaluate((el) => el === document.activeElement);
  }

  /** The accessible name of the focused element. */
  focusedLabel(): Promise<string | null | undefined> {
    return this.page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
  }

  private async loadAxe(): Promise<void> {
    if (!(await this.page.evaluate(() => 'axe' in window))) await this.page.evaluate(AXE_SOURCE);
  }

  /** axe over the whole document; only what axe rates critical or serious. */
  async seriousViolations(): Promise<AxeFinding[]> {
    await this.loadAxe();
    // Let the last render and any transition settle into a painted frame first.
    await this.page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    const findings = await this.page.evaluate(async () => {
      interface AxeNode {
        target: unknown[];
        failureSummary?: string;
      }
      interface AxeViolation {
        id: string;
        impact?: string | null;
        help: string;
        nodes: AxeNode[];
      }
      const axe = (
        window as unknown as {
          axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> };
        }
      ).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({
        rule: v.id,
        impact: v.impact ?? 'unknown',
        help: v.help,
        nodes: v.nodes
          .slice(0, 5)
          .map((n) => `${n.target.map(String).join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`),
      }));
    });
    return findings.filter((f) => f.impact === 'critical' || f.impact === 'serious');
  }

  /** axe over the open dialog only: the rules it rates critical or serious, by id. */
  async seriousInDialog(): Promise<string[]> {
    await this.loadAxe();
    return this.page.evaluate(async () => {
      const scope = document.querySelector('[role="dialog"], [role="alertdialog"]');
      if (!scope) return ['no dialog is open'];
      const axe = (
        window as unknown as {
          axe: {
            run(
              context: Element,
              options: object,
            ): Promise<{ violations: { id: string; impact?: string | null; nodes: unknown[] }[] }>;
          };
        }
      ).axe;
      const result = await axe.run(scope, { resultTypes: ['violations'] });
      return result.violations
        .filter((v) => v.impact === 'critical' || v.impact === 'serious')
        .map((v) => `${v.id} (${v.nodes.length})`);
    });
  }
}
