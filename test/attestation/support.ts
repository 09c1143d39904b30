import type { AnswerVerdict, ChannelName, Input, Output, ProviderAttestation } from '../../main/contract';
import { dispatch } from '../../main/ipc/dispatch';
import type { EventSink } from '../../main/ipc/handlers';
import type { SecretStore } from '../../main/secrets/secretStore';
import { createServices, type Services } from '../../main/services';
import type { MockProvider } from '../mock-provider';
import { mintJwt } from '../mock-provider';
import { tempDir } from '../threads/support';

class MemorySecrets implements SecretStore {
  private readonly values = new Map<string, string>();
  get = (account: string) => Promise.resolve(this.values.get(account) ?? null);
  set = (account: string, secret: string) => Promise.resolve(void this.values.set(account, secret));
  delete = (account: string) => Promise.resolve(this.values.delete(account));
  available = () => Promise.resolve(true);
}

export interface AttestApp {
  services: Services;
  call<C extends ChannelName>(channel: C, payload: Input<C>): Promise<Output<C>>;
  /** The first final (not 'checking') verdict of a message, as broadcast. */
  verdict(messageId: string): Promise<AnswerVerdict>;
  /** Every verdict broadcast, in order. */
  verdicts: AnswerVerdict[];
  ask(content: string): Promise<{ answerId: string; usageId: string | null }>;
  /** The next provider attestation broadcast for this provider. */
  providerChange(providerId: string): Promise<ProviderAttestation>;
  providerId: string;
  threadId: string;
  close(): Promise<void>;
}

/** The real services on the mock's confidential API with a confidential model chosen. */
export async function startAttestApp(mock: MockProvider, model = 'phala/gpt-oss-120b'): Promise<AttestApp> {
  const dir = tempDir();
  const verdicts: AnswerVerdict[] = [];
  const waiters: { id: string; resolve: (v: AnswerVerdict) => void }[] = [];
  const providerWaiters: { id: string; resolve: (p: ProviderAttestation) => void }[] = [];
  const endings = new Map<string, (payload: unknown) => void>();
  const ended = new Map<string, unknown>();
  const sink: EventSink = {
    toSender: (_sender, _event, payload) => {
      const p = payload as { type?: string; streamId?: string };
      if (p.type === 'ended' && p.streamId) {
        ended.set(p.streamId, payload);
        endings.get(p.streamId)?.(payload);
      }
    },
    broadcast: (event, payload) => {
      if (event !== 'attestation:changed') return;
      const provider = (payload as { provider: ProviderAttestation | null }).provider;
      if (provider)
        for (const w of providerWaiters.splice(0).filter((x) => x.id === provider.providerId))
          w.resolve(provider);
      const verdict = (payload as { verdict: AnswerVerdict | null }).verdict;
      if (verdict === null) return;
      verdicts.push(verdict);
      if (verdict.state === 'checking' || verdict.rechecking) return;
      for (const w of waiters.filter((x) => x.id === verdict.messageId)) w.resolve(verdict);
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
    log: () => {},
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
  const thread = await call('threads:create', {
    settings: { providerId: provider.id, model, params: { stream: true } },
  });
  const verdict = (messageId: string) =>
    new Promise<AnswerVerdict>((resolve) => {
      const done = verdicts.find((v) => v.messageId === messageId && v.state !== 'checking' && !v.rechecking);
      if (done) resolve(done);
      else waiters.push({ id: messageId, resolve });
    });
  const ask = async (content: string) => {
    const sent = await call('chat:send', { threadId: thread.id, content });
    const payload = await new Promise<unknown>((resolve) => {
      if (ended.has(sent.streamId)) resolve(ended.get(sent.streamId));
      else endings.set(sent.streamId, resolve);
    });
    const answer = (payload as { messages: { id: string; usageId: string | null }[] }).messages[0]!;
    return { answerId: answer.id, usageId: answer.usageId };
  };
  return {
    services,
    call,
    verdict,
    verdicts,
    ask,
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
