import type { Page } from 'playwright-core';
import type { MockProvider, ScriptStep } from '../../mock-provider';

/** Four streams at once, as issue 12 asks. */
export const STREAMS = 4;
/**
 * A thread is replaced (a new one made, the old one deleted) after this many answers: otherwise
 * ten minutes at 3,000 tokens/s would leave each thread 1.8 million tokens long, every request
 * carrying all of it, which no model takes and no one does. With the data kept about constant,
 * what memory grows by is what the app fails to let go of.
 */
const ANSWERS_PER_THREAD = 6;
const QUERIES = ['latency', 'buffer provider', 'mergeChunks', 'parser', 'context window', 'useMemo'];
const STARTED_WAIT_MS = 30_000;
const DRAIN_WAIT_MS = 90_000;

export interface SoakCounts {
  answers: number;
  /** Answers that ended in any other state than complete. */
  failed: number;
  searches: number;
  usageVisits: number;
  threadsReplaced: number;
  /** Tokens per second of each finished answer, from its first delta to its end, as the page saw them. */
  rates: number[];
}

interface Slot {
  threadId: string;
  answers: number;
  streaming: boolean;
}

declare global {
  interface Window {
    /** Characters of answer text the page has received (all streams). */
    __soakChars?: number;
    soakStarted?: (threadId: string) => Promise<void>;
    soakEnded?: (threadId: string, complete: boolean, ms: number, chars: number) => Promise<void>;
  }
}

/**
 * Drives the real renderer as a user would: keeps `STREAMS` threads answering (a new question in a
 * thread as soon as its answer ends: click the thread, type, Enter), and on request runs a message
 * search in the Ctrl+K palette (opening the hit) or visits the Usage screen and comes back. Page
 * actions run one at a time, in order, through a queue; the first one to fail stops the soak.
 */
export class SoakDriver {
  readonly counts: SoakCounts = {
    answers: 0,
    failed: 0,
    searches: 0,
    usageVisits: 0,
    threadsReplaced: 0,
    rates: [],
  };
  private readonly slots: Slot[] = [];
  private homeThreadId = '';
  private queue: Promise<void> = Promise.resolve();
  private failure: Error | null = null;
  private running = false;
  private readonly startedWaiters = new Map<string, () => void>();
  private idleWaiter: (() => void) | null = null;
  private turn = 0;

  constructor(
    private readonly page: Page,
    private readonly mock: MockProvider,
    private readonly settings: { providerId: string; model: string },
    /** Answers the mock streams in turn, each exactly `tokensPerAnswer` tokens. */
    private readonly answers: readonly string[],
    private readonly tokensPerAnswer: number,
    private readonly step: (content: string) => ScriptStep,
  ) {}

  /** Listens to the streams in the page and makes the threads: one per stream and a quiet one to measure on. */
  async setUp(): Promise<void> {
    await this.page.exposeFunction('soakStarted', (threadId: string) => {
      this.startedWaiters.get(threadId)?.();
    });
    await this.page.exposeFunction(
      'soakEnded',
      (threadId: string, complete: boolean, ms: number, chars: number) =>
        this.ended(threadId, complete, ms, chars),
    );
    await this.page.evaluate(() => {
      window.__soakChars = 0;
      const streams = new Map<string, { firstAt: number; chars: number }>();
      window.api.chat.onStream((event) => {
        if (event.type === 'started') void window.soakStarted?.(event.threadId);
        if (event.type === 'delta') {
          const chars = event.choices.reduce((n, c) => n + (c.content?.length ?? 0), 0);
          window.__soakChars = (window.__soakChars ?? 0) + chars;
          const stream = streams.get(event.streamId) ?? { firstAt: performance.now(), chars: 0 };
          stream.chars += chars;
          streams.set(event.streamId, stream);
        }
        if (event.type === 'ended') {
          const stream = streams.get(event.streamId);
          streams.delete(event.streamId);
          const complete = event.messages.every((m) => m.role !== 'assistant' || m.status === 'complete');
          const ms = stream ? performance.now() - stream.firstAt : 0;
          void window.soakEnded?.(event.threadId, complete, ms, stream?.chars ?? 0);
        }
      });
    });
    this.homeThreadId = await this.createThread();
    for (let i = 0; i < STREAMS; i++)
      this.slots.push({ threadId: await this.createThread(), answers: 0, streaming: false });
  }

  /** Starts every stream; each starts its next answer when one ends, until `drain`. */
  begin(): void {
    this.running = true;
    for (const slot of this.slots) if (!slot.streaming) this.enqueue(`answer`, () => this.answer(slot));
  }

  /** Starts no more answers and resolves once every stream has ended and the page is idle. */
  async drain(): Promise<void> {
    this.running = false;
    await this.queue;
    this.check();
    if (this.slots.some((s) => s.streaming)) {
      await within(
        new Promise<void>((resolve) => {
          this.idleWaiter = resolve;
        }),
        DRAIN_WAIT_MS,
        'the streams to end',
      );
    }
    this.check();
  }

  search(): void {
    this.enqueue('search', async () => {
      const query = QUERIES[this.counts.searches % QUERIES.length] ?? 'latency';
      await this.page.keyboard.press('Control+k');
      const palette = this.page.getByTestId('search-palette');
      await palette.getByRole('combobox', { name: 'Search messages' }).fill(query);
      await palette.getByRole('option').first().waitFor();
      await this.page.keyboard.press('Enter');
      await palette.waitFor({ state: 'detached' });
      this.counts.searches += 1;
    });
  }

  visitUsage(): void {
    this.enqueue('usage', async () => {
      await this.screen('Usage');
      await this.page.getByTestId('usage-totals').waitFor();
      await this.page.locator('[data-testid="usage-chart-tokens"][data-chart-ready="true"]').waitFor();
      await this.screen('Chats');
      await this.page.getByTestId('composer').waitFor();
      this.counts.usageVisits += 1;
    });
  }

  /** The same quiet page for every measurement: the chat screen on a thread that never streams. */
  async settle(): Promise<void> {
    this.check();
    await this.screen('Chats');
    await this.open(this.homeThreadId);
    // Debounced list and thread reloads after the last stream end run within this.
    await this.page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 1000)));
  }

  /** Tokens the page has received so far, all streams (from characters, at the answers' ratio). */
  async tokens(): Promise<number> {
    return this.tokensOf(await this.page.evaluate(() => window.__soakChars ?? 0));
  }

  private tokensOf(chars: number): number {
    const length = this.answers.reduce((n, a) => n + a.length, 0) / Math.max(1, this.answers.length);
    return (chars / length) * this.tokensPerAnswer;
  }

  /** Throws the first failure of a queued page action. */
  check(): void {
    if (this.failure) throw this.failure;
  }

  private enqueue(what: string, action: () => Promise<void>): void {
    this.queue = this.queue
      .then(() => (this.failure ? undefined : action()))
      .catch((error: unknown) => {
        this.failure ??= new Error(`${what}: ${error instanceof Error ? error.message : String(error)}`);
      });
  }

  private ended(threadId: string, complete: boolean, ms: number, chars: number): void {
    const slot = this.slots.find((s) => s.threadId === threadId && s.streaming);
    if (!slot) return;
    slot.streaming = false;
    this.counts.answers += 1;
    if (!complete) this.counts.failed += 1;
    else if (ms > 0) this.counts.rates.push((this.tokensOf(chars) / ms) * 1000);
    if (this.running) this.enqueue('answer', () => this.answer(slot));
    else if (this.slots.every((s) => !s.streaming)) this.idleWaiter?.();
  }

  private async answer(slot: Slot): Promise<void> {
    if (!this.running || slot.streaming) return;
    if (slot.answers >= ANSWERS_PER_THREAD) await this.replace(slot);
    await this.open(slot.threadId);
    // The end of this thread's last answer may not be painted yet; a streaming thread takes no question.
    await this.page
      .locator('[data-testid="message"][data-status="streaming"]')
      .waitFor({ state: 'detached' });
    const content = this.answers[this.turn++ % this.answers.length] ?? '';
    this.mock.script(this.step(content));
    // The mock records every request body; the bench's memory is not what is measured, but need not grow.
    this.mock.requests.splice(0);
    const started = within(
      new Promise<void>((resolve) => this.startedWaiters.set(slot.threadId, resolve)),
      STARTED_WAIT_MS,
      'the answer to start',
    ).finally(() => this.startedWaiters.delete(slot.threadId));
    const composer = this.page.getByTestId('composer');
    await composer.fill(`Question ${this.turn}: explain the render cache once more, at length.`);
    slot.streaming = true;
    await composer.press('Enter');
    await started;
    slot.answers += 1;
  }

  private async replace(slot: Slot): Promise<void> {
    const old = slot.threadId;
    slot.threadId = await this.createThread();
    slot.answers = 0;
    await this.page.evaluate(async (id) => {
      const result = await window.api.threads.delete({ id });
      if (!result.ok) throw new Error(result.error.message);
    }, old);
    this.counts.threadsReplaced += 1;
  }

  private createThread(): Promise<string> {
    return this.page.evaluate(async (settings) => {
      const created = await window.api.threads.create({
        settings: {
          ...settings,
          toolIds: [],
          systemPrompt: '',
          params: { stream: true, include_usage: true },
        },
      });
      if (!created.ok) throw new Error(created.error.message);
      return created.value.id;
    }, this.settings);
  }

  private async open(threadId: string): Promise<void> {
    await this.page.locator(`[data-testid="thread-item"][data-thread-id="${threadId}"]`).click();
    await this.page.getByTestId('composer').waitFor();
  }

  private screen(name: 'Chats' | 'Usage'): Promise<void> {
    return this.page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('button', { name, exact: true })
      .click();
  }
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no sign of ${what} within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
