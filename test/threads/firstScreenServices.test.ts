import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/ipc/dispatch';
import { createServices, type Services } from '../../main/services';
import { UnreachableSecretStore } from '../providers/fixture';
import { tempDir } from './support';

/**
 * The page opens its first thread through threads:opening (or threads:get): either answer lets
 * the start-up work wait no longer (its fallback is 10 s, far past this test's 8 s timeout).
 */
describe('the services’ first screen', () => {
  let services: Services | null = null;
  let remove = () => {};
  afterEach(async () => {
    await services?.close();
    services = null;
    remove();
  });

  const start = async () => {
    const dir = tempDir();
    remove = dir.remove;
    services = await createServices({
      dataDir: dir.dir,
      secretStore: new UnreachableSecretStore(),
      fetch: () => Promise.reject(new Error('no network in this test')),
      openExternal: async () => {},
      events: { toSender: () => {}, broadcast: () => {} },
      shell: 'browser',
      version: 'test',
      platform: process.platform,
      log: () => {},
    });
    return services;
  };

  it('is shown once the page has its opening thread', async () => {
    const running = await start();
    await dispatch(running.handlers, 'threads:create', {}, { senderId: 1 });
    const opening = await dispatch(running.handlers, 'threads:opening', {}, { senderId: 1 });
    expect(opening.ok).toBe(true);
    await running.firstScreen;
  }, 8_000);

  it('is shown once the page opens a thread by id', async () => {
    const running = await start();
    const created = await dispatch(running.handlers, 'threads:create', {}, { senderId: 1 });
    if (!created.ok) throw new Error(created.error.message);
    await dispatch(
      running.handlers,
      'threads:get',
      { id: (created.value as { id: string }).id },
      { senderId: 1 },
    );
    await running.firstScreen;
  }, 8_000);
});
