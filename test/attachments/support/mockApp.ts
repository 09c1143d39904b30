import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Message } from '../../../main/contract';
import type { MockProvider } from '../../mock-provider';
import { startMockProvider } from '../../mock-provider';
import type { RecordedRequest } from '../../mock-provider/types';
import type { App } from '../../support/app';
import { startApp } from '../../support/app';

/**
 * One mock provider for the file, a fresh app (real services, real SQLite) for each test: the
 * setup every attachments integration test shares, with the few calls they all make.
 */

export const MB = 1024 * 1024;

export const b64 = (bytes: Uint8Array | string): string => Buffer.from(bytes).toString('base64');

/** A PNG of noise, about `mb` MB: incompressible, so it is sent at nearly its size. */
export async function noisePng(mb: number): Promise<Buffer> {
  const side = Math.floor(Math.sqrt((mb * MB) / 3));
  return sharp(randomBytes(side * side * 3), { raw: { width: side, height: side, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
}

export interface MockApp {
  readonly mock: MockProvider;
  readonly app: App;
  /** The chat requests the mock received, in order. */
  chatRequests(): RecordedRequest[];
  /** The last chat request's body, parsed. */
  lastChatBody(): { messages: { role: string; content: unknown }[] } & Record<string, unknown>;
  /** Stages a file in the app's thread, as the composer does. */
  stage(name: string, bytes: Uint8Array | string, detail?: 'auto' | 'low' | 'high'): Promise<StagedOutput>;
  /** Sends in the app's thread and resolves with the stream's `ended` event. */
  send(
    content: string,
    attachments?: { id: string; detail?: 'auto' | 'low' | 'high' }[],
  ): Promise<{ messages: Message[] }>;
}

type StagedOutput = Awaited<ReturnType<typeof stageIn>>;
const stageIn = (app: App, name: string, bytes: Uint8Array | string, detail: 'auto' | 'low' | 'high') =>
  app.call('attachments:stage', { threadId: app.threadId, name, dataBase64: b64(bytes), detail });

/** Registers the hooks; `prepare` runs after each app starts (limits, model overrides). */
export function useMockApp(prepare?: (app: App) => Promise<void>): MockApp {
  let mock: MockProvider | null = null;
  let app: App | null = null;
  beforeAll(async () => {
    mock = await startMockProvider({ chunkDelayMs: 0 });
  });
  afterAll(async () => {
    await mock?.close();
  });
  beforeEach(async () => {
    mock!.reset();
    app = await startApp(mock!);
    await prepare?.(app);
  });
  afterEach(async () => {
    await app?.close();
    app = null;
  });
  const self: MockApp = {
    get mock() {
      if (!mock) throw new Error('the mock provider starts in beforeAll');
      return mock;
    },
    get app() {
      if (!app) throw new Error('the app starts in beforeEach');
      return app;
    },
    chatRequests: () => self.mock.requests.filter((r) => r.path.endsWith('/chat/completions')),
    lastChatBody() {
      const last = self.chatRequests().at(-1);
      if (!last) throw new Error('the mock received no chat request');
      return JSON.parse(last.bodyText) as never;
    },
    stage: (name, bytes, detail = 'auto') => stageIn(self.app, name, bytes, detail),
    async send(content, attachments = []) {
      const sent = await self.app.call('chat:send', { threadId: self.app.threadId, content, attachments });
      return (await self.app.ended(sent.streamId)) as { messages: Message[] };
    },
  };
  return self;
}
