import { join } from 'node:path';
import type { ChannelName, EventName, Input, Output } from '../../../main/contract';
import { dispatch } from '../../../main/ipc/dispatch';
import type { EventSink } from '../../../main/ipc/handlers';
import type { SecretStore } from '../../../main/secrets/secretStore';
import { createServices, type Services } from '../../../main/services';
import type { MockProvider } from '../../mock-provider';
import { tempDir } from '../../threads/support';

/** Secrets in memory: these tests are about files, not the keychain (tested in test/secrets). */
class MemorySecrets implements SecretStore {
  private readonly values = new Map<string, string>();
  get = (account: string) => Promise.resolve(this.values.get(account) ?? null);
  set = (account: string, secret: string) => Promise.resolve(void this.values.set(account, secret));
  delete = (account: string) => Promise.resolve(this.values.delete(account));
  available = () => Promise.resolve(true);
}

export interface App {
  services: Services;
  call<C extends ChannelName>(channel: C, payload: Input<C>): Promise<Output<C>>;
  /** Every event pushed, in order. */
  events: { event: EventName; payload: unknown }[];
  /** Resolves when the stream ends. */
  ended(streamId: string): Promise<unknown>;
  providerId: string;
  threadId: string;
  close(): Promise<void>;
}

/** The real services (SQLite in a temp folder) on the mock's confidential API, a vision model chosen. */
export async function startApp(mock: MockProvider, model = 'openai/gpt-4o-mini'): Promise<App> {
  const dir = tempDir();
  const events: App['events'] = [];
  const waiters = new Map<string, (payload: unknown) => void>();
  const endings = new Map<string, unknown>();
  const sink: EventSink = {
    toSender: (_sender, event, payload) => {
      events.push({ event, payload });
      const p = payload as { type?: string; streamId?: string };
      if (p.type === 'ended' && p.streamId) {
        endings.set(p.streamId, payload);
        waiters.get(p.streamId)?.(payload);
      }
    },
    broadcast: (event, payload) => void events.push({ event, payload }),
  };
  const services = await createServices({
    dataDir: dir.dir,
    secretStore: new MemorySecrets(),
    fetch: (input, init) => globalThis.fetch(input, init),
    openExternal: async () => {},
    events: sink,
    shell: 'browser',
    version: 'test',
    platform: process.platform,
    // The bundled workers, when built; the attachments worker falls back to this thread.
    searchWorkerFile: join(process.cwd(), 'out/main/searchWorker.cjs'),
    log: () => {},
  });
  const call = async <C extends ChannelName>(channel: C, payload: Input<C>): Promise<Output<C>> => {
    const result = await dispatch(services.handlers, channel, payload, { senderId: 1 });
    if (!result.ok) throw Object.assign(new Error(result.error.message), { appError: result.error });
    return result.value as Output<C>;
  };
  const { mintJwt } = await import('../../mock-provider');
  const provider = await call('providers:create', {
    name: 'Mock',
    preset: 'confidential',
    baseUrl: mock.confidentialBase,
    authKind: 'jwt',
  });
  await call('providers:setSecret', {
    id: provider.id,
    secret: mintJwt({ scopes: ['llm-all'], expiresInSec: 3600 }),
  });
  await call('models:setOverride', {
    providerId: provider.id,
    modelId: model,
    capabilities: { vision: true },
  });
  const thread = await call('threads:create', {
    settings: { providerId: provider.id, model, params: { stream: true } },
  });
  return {
    services,
    call,
    events,
    ended: (streamId) =>
      new Promise((resolve) => {
        if (endings.has(streamId)) resolve(endings.get(streamId));
        else waiters.set(streamId, resolve);
      }),
    providerId: provider.id,
    threadId: thread.id,
    close: async () => {
      await services.close();
      dir.remove();
    },
  };
}
