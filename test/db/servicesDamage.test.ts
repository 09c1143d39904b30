import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../main/contract';
import { dispatch } from '../../main/ipc/dispatch';
import type { EventSink } from '../../main/ipc/handlers';
import { createServices, type Services } from '../../main/services';
import { UnreachableSecretStore } from '../providers/fixture';
import { tempDir } from '../threads/support';
import { breakTable, cleanlyClosedHistory, flipBytes } from './damagedFile';

const WORKER = join(process.cwd(), 'out/main/searchWorker.cjs');

describe('the app on a database damaged after a clean close', () => {
  let services: Services | undefined;
  let remove: (() => void) | undefined;
  afterEach(async () => {
    await services?.close();
    remove?.();
  });

  it('tells every window, lists it in the notices and refuses writes through IPC with database_damaged', async () => {
    const dir = tempDir();
    remove = dir.remove;
    const file = join(dir.dir, 'llm-desk.sqlite');
    cleanlyClosedHistory(file);
    flipBytes(file);
    const broadcast: { event: EventName; payload: unknown }[] = [];
    const events: EventSink = {
      toSender: () => {},
      broadcast: (event, payload) => void broadcast.push({ event, payload }),
    };
    const running = await createServices({
      dataDir: dir.dir,
      secretStore: new UnreachableSecretStore(),
      fetch: () => Promise.reject(new Error('no network in this test')),
      openExternal: async () => {},
      events,
      shell: 'browser',
      version: 'test',
      platform: process.platform,
      searchWorkerFile: null,
      log: () => {},
    });
    services = running;
    const call = (channel: string, payload: unknown = {}) =>
      dispatch(running.handlers, channel, payload, { senderId: 1 });

    // Start is not held up: the window can ask before the check has run.
    expect(await call('app:databaseStatus')).toMatchObject({ ok: true, value: { state: 'unchecked' } });
    const status = await running.database.check();
    expect(status.state).toBe('damaged');
    expect(broadcast).toEqual([{ event: 'app:databaseDamaged', payload: status }]);
    expect(await call('app:info')).toMatchObject({ ok: true, value: { notices: [status.message] } });
    expect(await call('threads:create', {})).toMatchObject({
      ok: false,
      error: { code: 'database_damaged' },
    });
  });

  it.skipIf(!existsSync(WORKER))('counts damage a search meets on the search worker connection', async () => {
    const dir = tempDir();
    remove = dir.remove;
    const file = join(dir.dir, 'llm-desk.sqlite');
    cleanlyClosedHistory(file);
    // Only the full-text index is broken: nothing but a search reads it.
    breakTable(file, 'messages_fts_data');
    const broadcast: EventName[] = [];
    const running = await createServices({
      dataDir: dir.dir,
      secretStore: new UnreachableSecretStore(),
      fetch: () => Promise.reject(new Error('no network in this test')),
      openExternal: async () => {},
      events: { toSender: () => {}, broadcast: (event) => void broadcast.push(event) },
      shell: 'browser',
      version: 'test',
      platform: process.platform,
      searchWorkerFile: WORKER,
      log: () => {},
    });
    services = running;
    const found = await dispatch(running.handlers, 'threads:search', { query: 'note' }, { senderId: 1 });
    expect(found.ok).toBe(false);
    expect(running.database.status().state).toBe('damaged');
    expect(broadcast).toEqual(['app:databaseDamaged']);
  });
});
