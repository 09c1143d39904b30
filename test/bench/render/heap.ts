import type { Page } from 'playwright-core';

/**
 * The page's JavaScript heap in MB after a full garbage collection, through the DevTools
 * protocol: what the renderer keeps alive, not garbage it has yet to collect.
 */
export async function retainedHeapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / (1024 * 1024);
  } finally {
    await cdp.detach();
  }
}
