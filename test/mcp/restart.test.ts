import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/database';
import { migrations } from '../../main/db/migrations';
import { createMcp } from '../../main/mcp';
import { FakeTransport, gate } from './fakeTransport';
import type { McpKit } from './support';
import { MemorySecrets, WaitingSink, stdioServer } from './support';

/**
 * Start, stop, restart and delete interleaved in the orders a loaded machine produces by chance
 * (the CI flake: a restarted server left "starting"), forced here with transports the test drives.
 */
let kits: McpKit[] = [];
afterEach(async () => {
  await Promise.all(kits.map((k) => k.shutdown()));
  kits = [];
});

/** A keychain whose reads wait while `held` is set: the start is then between steps. */
class HeldSecrets extends MemorySecrets {
  held: ReturnType<typeof gate> | null = null;
  reads = 0;
  override async get(account: string) {
    this.reads += 1;
    if (this.held) await this.held.promise;
    return super.get(account);
  }
}

function setup(next: () => FakeTransport) {
  const { db } = openDatabase(':memory:', migrations);
  const secrets = new HeldSecrets();
  const events = new WaitingSink();
  const made: FakeTransport[] = [];
  const k = createMcp({
    db,
    secrets,
    events,
    libraryNames: () => [],
    now: Date.now,
    transportFor: () => {
      const t = next();
      made.push(t);
      return t;
    },
  });
  kits.push(k);
  const add = async (secret = false) => {
    const saved = await k.service.save(
      undefined,
      stdioServer(secret ? { env: [{ name: 'TOKEN', value: 'v', secret: true }] } : {}),
    );
    if (!saved.consent) throw new Error('expected a consent');
    return { id: saved.server.id, consentId: saved.consent.consentId };
  };
  return { k, secrets, events, made, add };
}

const state = async (k: McpKit, id: string) => (await k.service.get(id)).status;

describe('MCP server restarts under any interleaving', () => {
  it('a restart pressed during the handshake ends running on a fresh connection', async () => {
    const plan = [
      new FakeTransport('first', { holdHandshake: true, holdClose: true }),
      new FakeTransport('second'),
    ];
    const { k, made, add } = setup(() => plan.shift() ?? new FakeTransport('extra'));
    const { id, consentId } = await add();
    const first = k.service.confirmConsent(consentId);
    await expect.poll(() => made.length).toBe(1);
    await made[0]?.handshakeSeen.promise;
    const restarted = k.service.restart(id);
    // The first process takes its time to exit, then its handshake fails as it goes.
    made[0]?.finishClose();
    const [firstView, after] = await Promise.all([first.catch(() => null), restarted]);
    expect(firstView?.status.state).not.toBe('running');
    expect(after.status).toMatchObject({ state: 'running', serverName: 'second' });
    expect(await state(k, id)).toMatchObject({ state: 'running', serverName: 'second' });
    expect(made.map((t) => t.label)).toEqual(['first', 'second']);
  });

  it('the old connection’s late close event leaves the restarted one running', async () => {
    const old = new FakeTransport('old', { lateOnclose: true });
    const plan = [old, new FakeTransport('new')];
    const { k, add, events } = setup(() => plan.shift() ?? new FakeTransport('extra'));
    const { id, consentId } = await add();
    expect((await k.service.confirmConsent(consentId)).status.state).toBe('running');
    expect((await k.service.restart(id)).status.serverName).toBe('new');
    const before = events.sent.length;
    old.finishClose();
    // Let the old close run its course (promise callbacks only; nothing here waits on time).
    await new Promise((resolve) => setImmediate(resolve));
    expect(await state(k, id)).toMatchObject({ state: 'running', serverName: 'new' });
    // Nothing the old connection did announced a change of the server's state.
    expect(events.sent.length).toBe(before);
  });

  it('Stop pressed while the keychain is read starts nothing at all', async () => {
    const { k, secrets, made, add } = setup(() => new FakeTransport('late'));
    const { id, consentId } = await add(true);
    secrets.held = gate();
    const reads = secrets.reads;
    const starting = k.service.confirmConsent(consentId);
    await expect.poll(() => secrets.reads).toBeGreaterThan(reads);
    const stopping = k.service.stop(id);
    secrets.held.open();
    await Promise.all([starting, stopping]);
    expect(made).toEqual([]);
    expect((await state(k, id)).state).toBe('stopped');
  });

  it('Stop pressed during the handshake reads stopped, not a server failure, and closes it', async () => {
    const { k, made, add } = setup(() => new FakeTransport('slow', { holdHandshake: true }));
    const { id, consentId } = await add();
    const starting = k.service.confirmConsent(consentId);
    await expect.poll(() => made.length).toBe(1);
    await made[0]?.handshakeSeen.promise;
    await k.service.stop(id);
    await starting;
    expect(made[0]?.closed).toBe(true);
    expect(await state(k, id)).toMatchObject({ state: 'stopped', message: null });
  });

  it('a server deleted while it starts leaves no connection open', async () => {
    const { k, secrets, made, add } = setup(() => new FakeTransport('orphan'));
    const { id, consentId } = await add(true);
    secrets.held = gate();
    const reads = secrets.reads;
    const starting = k.service.confirmConsent(consentId).catch(() => null);
    await expect.poll(() => secrets.reads).toBeGreaterThan(reads);
    const deleting = k.service.delete(id);
    secrets.held.open();
    await Promise.all([starting, deleting]);
    expect(made.every((t) => t.closed || !t.started)).toBe(true);
    expect(made.filter((t) => t.started && !t.closed)).toEqual([]);
  });
});
