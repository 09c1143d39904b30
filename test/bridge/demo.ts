import type { Handlers } from '../../main/ipc/handlers';
import { mintJwt, type MockProvider } from '../mock-provider';
import { call } from './call';

const DAY = 24 * 60 * 60;

/** A newcomer's first minute, done for them: two providers on the mock, example tools, a thread. */
export async function seedDemo(handlers: Handlers, mock: MockProvider): Promise<{ threadId: string }> {
  const confidential = await call(handlers, 'providers:create', {
    name: 'Confidential LLM (demo)',
    preset: 'confidential',
    baseUrl: mock.confidentialBase,
    authKind: 'jwt',
  });
  await call(handlers, 'providers:setSecret', {
    id: confidential.id,
    secret: mintJwt({ scopes: ['llm-all'], expiresInSec: 30 * DAY, sub: 'demo-user' }),
  });
  const galadriel = await call(handlers, 'providers:create', {
    name: 'Galadriel (demo)',
    preset: 'galadriel',
    baseUrl: mock.galadrielBase,
    authKind: 'api-key',
  });
  await call(handlers, 'providers:setSecret', { id: galadriel.id, secret: mock.apiKey });

  const toolIds: string[] = [];
  for (const example of await call(handlers, 'tools:examples', {})) {
    toolIds.push((await call(handlers, 'tools:create', example)).id);
  }
  const thread = await call(handlers, 'threads:create', {
    settings: {
      providerId: confidential.id,
      model: 'phala/gpt-oss-120b',
      systemPrompt: 'You are a concise, friendly assistant.',
      toolIds,
      params: { stream: true, include_usage: true, temperature: 0.7 },
    },
  });
  return { threadId: thread.id };
}
