import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { McpLedgerRun, McpRunFilter } from '../../main/contract';
import { migrate } from '../../main/db/database';
import { migrations } from '../../main/db/migrations';
import { percentile } from '../../main/mcp/runLedger';
import { RUN_EXPORT_COLUMNS } from '../../main/mcp/runExport';
import { ProjectsService } from '../../main/projects/service';
import type { MockProvider } from '../mock-provider';
import { startMockProvider } from '../mock-provider';
import type { McpHarness } from './support';
import { addAndStart, mcpHarness, stdioServer } from './support';

/** Words in a call's arguments and its echoed result: personal data an export must never carry. */
const PERSONAL = 'PERSONAL-arg-7Qx-jane@example.org';

let mock: MockProvider;
let h: McpHarness;
let started: number;
let firstAnswer: string;

const ledger = (filter: Partial<McpRunFilter> = {}) =>
  h.mcp.handlers['mcp:runLedger'](
    { from: started, to: Date.now() + 60_000, offset: 0, limit: 100, ...filter },
    { senderId: 1 },
  ) as Awaited<ReturnType<McpHarness['mcp']['handlers']['mcp:runLedger']>>;

const exported = (format: 'csv' | 'json') =>
  h.mcp.handlers['mcp:exportRuns'](
    { from: started, to: Date.now() + 60_000, format },
    { senderId: 1 },
  ) as Awaited<ReturnType<McpHarness['mcp']['handlers']['mcp:exportRuns']>>;

const byTool = (rows: McpLedgerRun[]) =>
  rows.map((r) => [r.tool, r.status]).sort((a, b) => String(a).localeCompare(String(b)));

beforeAll(async () => {
  mock = await startMockProvider({ chunkDelayMs: 0 });
  // A clock a millisecond further on at every read, as a busy machine's can be: a denied call still
  // takes no time (it never reached the server).
  let reads = 0;
  h = mcpHarness({ mock, settings: { maxToolRounds: 3 }, now: () => Date.now() + (reads += 1) });
  started = Date.now();
  const server = await addAndStart(h.mcp, stdioServer());
  h.mcp.handlers['mcp:attach'](
    { threadId: h.threadId, serverId: server.id, toolName: null, attached: true },
    { senderId: 1 },
  );
  // Three parallel calls the user allows (one sleeps, one fails), then one the user denies.
  mock.script(
    {
      reply: {
        toolCalls: [
          { name: 'test__echo', arguments: { text: PERSONAL } },
          { name: 'test__sleep', arguments: { ms: 150 } },
          { name: 'test__fail', arguments: {} },
        ],
      },
    },
    { reply: { content: 'done' } },
    { reply: { toolCalls: [{ name: 'test__echo', arguments: { text: PERSONAL } }] } },
    { reply: { content: 'fine' } },
  );
  const seen = new Set<string>();
  const first = await h.service.send({ threadId: h.threadId, content: 'three at once' }, 1);
  const batch = await h.events.waiting(seen);
  firstAnswer = batch.messageId;
  h.mcp.approvals.decide(
    batch.id,
    batch.calls.map((c) => ({ toolCallId: c.toolCallId, action: 'once' as const })),
  );
  await h.service.whenSettled(first.streamId);
  const second = await h.service.send({ threadId: h.threadId, content: 'once more' }, 1);
  const denied = await h.events.waiting(seen);
  h.mcp.approvals.decide(denied.id, [{ toolCallId: denied.calls[0]?.toolCallId ?? '', action: 'deny' }]);
  await h.service.whenSettled(second.streamId);
}, 60_000);

afterAll(async () => {
  await h?.mcp.shutdown();
  await mock?.close();
});

describe('tool runs on the Usage screen', () => {
  it('lists each run of the real server with its status, duration, result size, thread and answer', () => {
    const { rows, total, totals, byTool: groups } = ledger();
    expect(total).toBe(4);
    expect(byTool(rows)).toEqual([
      ['echo', 'denied'],
      ['echo', 'ok'],
      ['fail', 'error'],
      ['sleep', 'ok'],
    ]);
    const title = h.repo.getThread(h.threadId).title;
    for (const row of rows) {
      expect(row).toMatchObject({ serverName: 'test', threadId: h.threadId, threadTitle: title });
      expect(row.messageId).not.toBeNull();
    }
    // Newest first: the denied call came last, from the second answer.
    expect(rows[0]).toMatchObject({ tool: 'echo', status: 'denied', resultChars: null });
    expect(rows[0]?.messageId).not.toBe(firstAnswer);
    const sleep = rows.find((r) => r.tool === 'sleep');
    expect(sleep?.messageId).toBe(firstAnswer);
    expect(sleep?.durationMs).toBeGreaterThanOrEqual(150);
    expect(rows.find((r) => r.status === 'ok' && r.tool === 'echo')?.resultChars).toBeGreaterThan(
      PERSONAL.length,
    );
    expect(rows.find((r) => r.tool === 'fail')?.resultChars).toBeGreaterThan(0);
    // Totals: a failure is an error; the denied call counts as a run but ran for no time.
    expect(totals).toMatchObject({ runs: 4, errors: 1 });
    expect(totals.p95Ms).toBeGreaterThanOrEqual(150);
    expect(totals.totalMs).toBe(
      rows.filter((r) => r.status !== 'denied').reduce((n, r) => n + r.durationMs, 0),
    );
    expect(groups.map((g) => [g.serverName, g.tool, g.runs, g.errors])).toEqual([
      ['test', 'echo', 2, 0],
      ['test', 'fail', 1, 1],
      ['test', 'sleep', 1, 0],
    ]);
    expect(groups.find((g) => g.tool === 'sleep')?.p95Ms).toBe(sleep?.durationMs);
  });

  it('applies the range, the thread, the project and the tag through the thread, and a status', () => {
    expect(ledger({ from: Date.now() + 30_000 }).total).toBe(0);
    expect(ledger({ to: started }).total).toBe(0);
    expect(ledger({ threadId: h.threadId }).total).toBe(4);
    expect(ledger({ threadId: 'another thread' }).total).toBe(0);
    const projects = new ProjectsService(h.db, { now: Date.now });
    const mine = projects.save({ name: 'Client A' });
    const other = projects.save({ name: 'Client B' });
    expect(ledger({ projectId: mine.id }).total).toBe(0);
    projects.move([h.threadId], mine.id);
    expect(ledger({ projectId: mine.id }).total).toBe(4);
    expect(ledger({ projectId: other.id }).total).toBe(0);
    expect(ledger({ tag: 'billing' }).total).toBe(0);
    projects.setTags(h.threadId, ['billing']);
    expect(ledger({ tag: 'billing' }).total).toBe(4);
    const denied = ledger({ status: 'denied' });
    expect(denied.rows.map((r) => r.tool)).toEqual(['echo']);
    expect(denied.totals).toMatchObject({ runs: 1, errors: 0, totalMs: 0, p95Ms: null });
    expect(ledger({ tool: 'fail' }).totals).toMatchObject({ runs: 1, errors: 1 });
    // A page of the rows, the totals still over every match.
    const page = ledger({ offset: 1, limit: 2 } as Partial<McpRunFilter>);
    expect(page.rows).toHaveLength(2);
    expect(page.total).toBe(4);
  });

  it('refuses a range that ends before it starts', () => {
    expect(() => ledger({ from: 10, to: 5 })).toThrow(/range must end after it starts/);
  });

  it('exports names, times, status and sizes as CSV and JSON, never arguments, results or errors', () => {
    const csv = exported('csv');
    expect(csv.filename).toMatch(/^tool-runs-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(RUN_EXPORT_COLUMNS.join(','));
    expect(lines).toHaveLength(5);
    expect(csv.text).toMatch(/,test,fail,error,/);
    expect(csv.text).toMatch(/,test,echo,denied,0,,/);
    const json = JSON.parse(exported('json').text) as Record<string, unknown>[];
    expect(json).toHaveLength(4);
    expect(Object.keys(json[0] ?? {})).toEqual([...RUN_EXPORT_COLUMNS]);
    for (const text of [csv.text, exported('json').text]) {
      expect(text).not.toContain('PERSONAL-arg-7Qx');
      expect(text).not.toContain('jane@example.org');
      expect(text).not.toContain('this tool always fails');
      expect(text).not.toContain('the tool reported an error');
      expect(text).not.toContain(h.repo.getThread(h.threadId).title);
    }
  });
});

describe('migration 020', () => {
  it('finds the answer behind each earlier run and its result size, skipping unreadable tool calls', () => {
    const db = new DatabaseSync(':memory:');
    db.exec('PRAGMA foreign_keys = ON');
    migrate(
      db,
      migrations.filter((m) => m.version < 20),
    );
    db.exec(`
      INSERT INTO threads (id, title, created_at, last_activity_at) VALUES ('t1', 'T', 1, 1);
      INSERT INTO messages (id, thread_id, role, content, status, created_at, updated_at, tool_calls_json)
        VALUES ('broken', 't1', 'assistant', '', 'complete', 1, 1, '{not json'),
               ('a1', 't1', 'assistant', '', 'complete', 2, 2,
                '[{"id":"call_1","type":"function","function":{"name":"test__echo","arguments":"{}"}}]');
      INSERT INTO mcp_runs (id, server_id, server_name, tool, thread_id, tool_call_id, started_at, duration_ms, status, result_json)
        VALUES ('r1', 's', 'test', 'echo', 't1', 'call_1', 3, 4, 'ok', '{"content":[]}'),
               ('r2', 's', 'test', 'echo', 't1', 'call_gone', 3, 0, 'denied', NULL);
    `);
    migrate(db, migrations);
    expect(db.prepare('SELECT id, message_id, result_chars FROM mcp_runs ORDER BY id').all()).toEqual([
      { id: 'r1', message_id: 'a1', result_chars: 14 },
      { id: 'r2', message_id: null, result_chars: null },
    ]);
    db.close();
  });
});

describe('percentile', () => {
  it('is the nearest rank', () => {
    expect(percentile([], 0.95)).toBeNull();
    expect(percentile([7], 0.95)).toBe(7);
    expect(
      percentile(
        [...Array(20).keys()].map((n) => n + 1),
        0.95,
      ),
    ).toBe(19);
    expect(
      percentile(
        [...Array(100).keys()].map((n) => n + 1),
        0.95,
      ),
    ).toBe(95);
  });
});
