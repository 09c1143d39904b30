import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../main/chat/transport/limits';
import type { ExchangeResult } from '../../main/chat/transport/attempt';
import { HOSTILE_PATHS, installHostileRoutes, readHostile } from './scenarios';
import type { HostileServer } from './server';
import { startHostileServer } from './server';

/**
 * The three answers that used to grow main to gigabytes, each against the default limits: main's
 * resident memory stays bounded and the body is read only up to the limit it hit.
 */
let api: HostileServer;
beforeAll(async () => {
  api = await startHostileServer();
  await installHostileRoutes(api);
}, 60_000);
afterAll(() => api.close());

const MB = 1 << 20;
/** Node's socket reads and zlib's output both come in pieces of at most 64 KB. */
const CHUNK = 64 << 10;
/** Growth of main's RSS allowed while one hostile answer is read (before the limits: 0.5–1.5 GB). */
const RSS_BUDGET = 200 * MB;

async function measured(path: string): Promise<{ result: ExchangeResult; grewBy: number }> {
  const before = process.memoryUsage.rss();
  let peak = before;
  // Sampling, not waiting: the exchange below is what the test awaits.
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  try {
    const result = await readHostile(api.origin, path);
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, grewBy: peak - before };
  } finally {
    clearInterval(sampler);
  }
}

describe('main stays small whatever a provider sends', () => {
  it('a gzip bomb (≈256 MB unpacked from < 2 MB) is cut at the body limit', async () => {
    const { result, grewBy } = await measured(HOSTILE_PATHS.bomb);
    expect(result.failure?.message).toContain('more than 64 MB');
    expect(result.bytesRead).toBeGreaterThan(DEFAULT_LIMITS.bodyBytes);
    expect(result.bytesRead).toBeLessThanOrEqual(DEFAULT_LIMITS.bodyBytes + CHUNK);
    expect(grewBy).toBeLessThan(RSS_BUDGET);
  }, 60_000);

  it('a 500 MB body is cut at the body limit, and the server is not drained to its end', async () => {
    api.written = 0;
    const { result, grewBy } = await measured(HOSTILE_PATHS.big);
    expect(result.failure?.message).toContain('more than 64 MB');
    expect(result.assembled.choices[0]?.content).toBe('kept ');
    expect(result.bytesRead).toBeLessThanOrEqual(DEFAULT_LIMITS.bodyBytes + CHUNK);
    expect(api.written).toBeLessThan(DEFAULT_LIMITS.bodyBytes + 32 * MB);
    expect(grewBy).toBeLessThan(RSS_BUDGET);
  }, 60_000);

  it('an endless line (bounded at 512 MB by the server) is cut at the line limit', async () => {
    const { result, grewBy } = await measured(HOSTILE_PATHS.line);
    expect(result.failure?.message).toContain('longer than 1 MB');
    expect(result.assembled.choices[0]?.content).toBe('kept ');
    expect(result.bytesRead).toBeLessThanOrEqual(DEFAULT_LIMITS.lineBytes + 2 * CHUNK);
    expect(grewBy).toBeLessThan(RSS_BUDGET);
  }, 60_000);
});
