import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/database';
import { migrations } from '../../main/db/migrations';
import { createMcp } from '../../main/mcp';
import { FakeTransport } from './fakeTransport';
import type { McpKit } from './support';
import { MemorySecrets, WaitingSink, addAndStart, stdioServer } from './support';

/** Function names the model sees are `server__tool`: two tools may end up with the same one. */
let kits: McpKit[] = [];
afterEach(async () => {
  await Promise.all(kits.map((k) => k.shutdown()));
  kits = [];
});

function kit(toolsOf: Record<string, string[]>) {
  const { db } = openDatabase(':memory:', migrations);
  const k = createMcp({
    db,
    secrets: new MemorySecrets(),
    events: new WaitingSink(),
    libraryNames: () => [],
    now: Date.now,
    transportFor: (server) =>
      new FakeTransport(server.name, {
        tools: (toolsOf[server.name] ?? []).map((name) => ({ name, description: `The ${name} tool.` })),
      }),
  });
  kits.push(k);
  return k;
}

const problems = (k: McpKit, serverId: string) =>
  Object.fromEntries(k.service.tools(serverId).map((t) => [t.functionName, t.problem]));

describe('tool names that collide', () => {
  it('a tool whose name another server already gives the model is unusable, with why; the first keeps it', async () => {
    const k = kit({ a: ['b__c', 'd'], a__b: ['c'] });
    const first = await addAndStart(k, stdioServer({ name: 'a' }));
    const second = await addAndStart(k, stdioServer({ name: 'a__b' }));
    expect(second.status.state).toBe('running');
    expect(problems(k, first.id)).toEqual({ a__b__c: null, a__d: null });
    expect(problems(k, second.id)).toEqual({
      a__b__c: 'Its name a__b__c is already used by a tool of another server.',
    });
  });

  it('two tools of one server written alike as function names: the second says why', async () => {
    const k = kit({ s: ['get.item', 'get_item'] });
    const server = await addAndStart(k, stdioServer({ name: 's' }));
    const tools = k.service.tools(server.id);
    expect(tools.map((t) => [t.name, t.problem])).toEqual([
      ['get.item', null],
      [
        'get_item',
        'Its name s__get_item is the same as this server’s get.item once written as a function name (letters, digits, _ and -, at most 64).',
      ],
    ]);
  });
});
