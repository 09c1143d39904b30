import { join } from 'node:path';
import type {
  AnswerVerdict,
  Capabilities,
  ChannelName,
  EventName,
  Input,
  Output,
  ProviderAttestation,
} from '../../main/contract';
import { dispatch } from '../../main/ipc/dispatch';
import type { EventSink } from '../../main/ipc/handlers';
import type { SecretStore } from '../../main/secrets/secretStore';
import type { AttestationOptions } from '../../main/attestation/service';
import { createServices, type Services } from '../../main/services';
import type { MockProvider } from '../mock-provider';
import { mintJwt } from '../mock-provider';
import { tempDir } from '../threads/support';

/**
 * The one harness for integration tests that need the whole app: the real services (SQLite in a
 * temp folder) on the mock's confidential API, a thread with a model chosen. Used by the
 * attachments, attestation and budgets suites.
 */

/** Secrets in memory: these suites are not about the keychain (tested in test/secrets). */
export class MemorySecrets implements SecretStore {
  private readonly values = new Map<string, string>();
  get = (account: string) => Promise.resolve(this.values.get(account) ?? null);
  set = (account: string, secret: string) => Promise.resolve(void this.values.set(account, secret));
  delete = (account: string) => Promise.resolve(this.values.delete(account));
  available = () => Promise.resolve(true);
}

export interface AppOptions {
  /** The thread's model; default a vision model of the mock's. */
  model?: string;
  /** Capability overrides set on that model before the thread starts; none when omitted with a model. */
  capabilities?: Partial<Capabilities>;
  /** Attestation's worker, collateral source and TLS probe (the attestation suites). */
  attestation?: AttestationOptions;
}

export interface App {
  services: Services;
  call<C extends ChannelName>(channel: C, payload: Input<C>): Promise<Output<C>>;
  /** Every event pushed or broadcast, in order. */
  events: { event: EventName; payload: unknown }[];
  /** Resolves with the `ended` event of a stream (at once if it has ended already). */
  ended(streamId: string): Promise<unknown>;
  /** Sends `content` in the thread and waits for the answer to end. */
  ask(content: string): Promise<{ answerId: string; usageId: string | null }>;
  /** The first final (not 'checking', not rechecking) verdict of a message, as broadcast. */
  verdict(messageId: string): Promise<AnswerVerdict>;
  /** Every verdict broadcast, in order. */
  verdicts: AnswerVerdict[];
  /** The next provider attestation broadcast for this provider. */
  providerChange(providerId: string): Promise<ProviderAttestation>;
  providerId: string;
  threadId: string;
  close(): Promise<void>;
}

const DEFAULT_MODEL = 'openai/gpt-4o-mini';

export async function startApp(mock: MockProvider, options: AppOptions = {}): Promise<App> {
  const model = options.model ?? DEFAULT_MODEL;
  const capabilities = options.capabilities ?? (options.model === undefined ? { vision: true } : undefined);
  const dir = tempDir();
  const events: App['events'] = [];
  const endWaiters = new Map<string, (payload: unknown) => void>();
  const endings = new Map<string, unknown>();
  const verdicts: AnswerVerdict[] = [];
  const verdictWaiters: { id: string; resolve: (v: AnswerVerdict) => void }[] = [];
  const providerWaiters: { id: string; resolve: (p: ProviderAttestation) => void }[] = [];
  const isFinal = (v: AnswerVerdict) => v.state !== 'checking' && !v.rechecking;
  const onAttestation = (payload: unknown) => {
    const { provider, verdict } = payload as {
      provider: ProviderAttestation | null;
      verdict: AnswerVerdict | null;
    };
    if (provider) {
      const matching = providerWaiters.filter((w) => w.id === provider.providerId);
      providerWaiters.splice(
        0,
        providerWaiters.length,
        ...providerWaiters.filter((w) => !matching.includes(w)),
      );
      for (const w of matching) w.resolve(provider);
    }
    if (verdict === null) return;
    verdicts.push(verdict);
    if (isFinal(verdict))
      for (const w of verdictWaiters.filter((x) => x.id === verdict.messageId)) w.resolve(verdict);
  };
  const sink: EventSink = {
    toSender: (_sender, event, payload) => {
      events.push({ event, payload });
      const p = payload as { type?: string; streamId?: string };
      if (p.type === 'ended' && p.streamId) {
        endings.set(p.streamId, payload);
        endWaiters.get(p.streamId)?.(payload);
      }
    },
    broadcast: (event, payload) => {
      events.push({ event, payload });
      if (event === 'attestation:changed') onAttestation(payload);
    },
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
    ...(options.attestation ? { attestation: options.attestation } : {}),
  });
  const call = async <C extends ChannelName>(channel: C, payload: Input<C>): Promise<Output<C>> => {
    const result = await dispatch(services.handlers, channel, payload, { senderId: 1 });
    if (!result.ok) throw Object.assign(new Error(result.error.message), { appError: result.error });
    return result.value as Output<C>;
  };
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
  if (capabilities)
    await call('models:setOverride', { providerId: provider.id, modelId: model, capabilities });
  const thread = await call('threads:create', {
    settings: { providerId: provider.id, model, params: { stream: true } },
  });
  const ended = (streamId: string) =>
    new Promise<unknown>((resolve) => {
      if (endings.has(streamId)) resolve(endings.get(streamId));
      else endWaiters.set(streamId, resolve);
    });
  return {
    services,
    call,
    events,
    ended,
    ask: async (content) => {
      const sent = await call('chat:send', { threadId: thread.id, content });
      const payload = (await ended(sent.streamId)) as { messages: { id: string; usageId: string | null }[] };
      const answer = payload.messages[0]!;
      return { answerId: answer.id, usageId: answer.usageId };
    },
    verdict: (messageId) =>
      new Promise((resolve) => {
        const done = verdicts.find((v) => v.messageId === messageId && isFinal(v));
        if (done) resolve(done);
        else verdictWaiters.push({ id: messageId, resolve });
      }),
    verdicts,
    providerChange: (providerId) =>
      new Promise((resolve) => providerWaiters.push({ id: providerId, resolve })),
    providerId: provider.id,
    threadId: thread.id,
    close: async () => {
      await services.close();
      dir.remove();
    },
  };
}

/** The attestation suites' app: a confidential model, no capability overrides. */
export type AttestApp = App;
export const startAttestApp = (
  mock: MockProvider,
  model = 'phala/gpt-oss-120b',
  attestation?: AttestationOptions,
): Promise<App> => startApp(mock, { model, ...(attestation ? { attestation } : {}) });

/** Makes the mock's signatures or answers lie, for the verdict tests. */
export async function setTamper(
  mock: MockProvider,
  tamper: 'none' | 'signature' | 'response' | 'address',
): Promise<void> {
  const res = await fetch(`${mock.url}/__mock/attestation`, {
    method: 'POST',
    body: JSON.stringify({ tamper }),
  });
  if (!res.ok) throw new Error(`tamper: ${res.status}`);
}
