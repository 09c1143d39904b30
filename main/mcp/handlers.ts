import type { DatabaseSync } from 'node:sqlite';
import type { McpContent, McpResult, McpRunFilter } from '../contract';
import { AppFailure } from '../contract';
import type { HandlersOf } from '../ipc/handlers';
import type { McpApprovals } from './approvals';
import { checkAttachable } from './catalog';
import { claudeConfigText, parseClaudeConfig } from './claudeConfig';
import { definitionDiff } from './pinning';
import type { McpRepo } from './repo';
import { shownContent } from './results';
import { runsCsv, runsFilename, runsJson } from './runExport';
import { ledgerRuns, runLedger } from './runLedger';
import type { McpRunLog } from './runLog';
import type { McpService } from './service';

interface Deps {
  service: McpService;
  approvals: McpApprovals;
  repo: McpRepo;
  runs: McpRunLog;
  db: DatabaseSync;
}

function checked(filter: McpRunFilter): McpRunFilter {
  if (!Number.isFinite(filter.from) || !Number.isFinite(filter.to) || filter.to < filter.from)
    throw new AppFailure('invalid_request', 'The range must end after it starts.', {
      detail: { field: 'to' },
    });
  return filter;
}

function resultView(runs: McpRunLog, toolCallId: string, full: boolean): McpResult | null {
  const found = runs.forCall(toolCallId);
  if (!found) return null;
  let stored: { content: McpContent[]; structured: string | null; isError: boolean } = {
    content: [],
    structured: null,
    isError: found.run.status !== 'ok',
  };
  if (found.resultJson !== null) {
    try {
      stored = JSON.parse(found.resultJson) as typeof stored;
    } catch {
      // Written by this app from a checked object; unreadable means nothing to show.
    }
  }
  const shown = shownContent(stored.content, full);
  const structured =
    stored.structured !== null && !full && stored.structured.length > 4_000
      ? stored.structured.slice(0, 4_000)
      : stored.structured;
  const totalChars = stored.content.reduce(
    (n, c) => n + (c.type === 'image' ? c.data.length : c.text.length),
    0,
  );
  return {
    run: found.run,
    content: shown.content,
    structured,
    isError: stored.isError,
    truncated: shown.truncated || structured !== stored.structured,
    totalChars,
  };
}

/** The `mcp:*` channels, each a thin call into the service. */
export function mcpHandlers({ service, approvals, repo, runs, db }: Deps): HandlersOf<'mcp'> {
  return {
    'mcp:list': () => service.list(),
    'mcp:save': (input) => service.save(input.id, input.server),
    'mcp:delete': (input) => service.delete(input.id),
    'mcp:requestConsent': (input) => service.requestConsent(input.id),
    'mcp:confirmConsent': (input) => service.confirmConsent(input.consentId),
    'mcp:start': (input) => service.start(input.id),
    'mcp:stop': async (input) => {
      const server = await service.stop(input.id);
      if (!server) throw new AppFailure('not_found', 'That MCP server no longer exists.');
      return server;
    },
    'mcp:restart': (input) => service.restart(input.id),
    'mcp:signIn': (input) => service.signIn(input.id),
    'mcp:cancelSignIn': (input) => service.cancelSignIn(input.id),
    'mcp:signOut': (input) => service.signOut(input.id),
    'mcp:log': (input) => service.log(input.id),
    'mcp:tools': (input) => service.tools(input.serverId),
    'mcp:setPolicy': (input) => {
      repo.tool(input.serverId, input.name);
      repo.setPolicy(input.serverId, input.name, input.policy);
      const tool = service.tools(input.serverId).find((t) => t.name === input.name);
      if (!tool) throw new AppFailure('not_found', `The server no longer lists a tool named ${input.name}.`);
      return tool;
    },
    'mcp:setCanned': (input) => {
      repo.tool(input.serverId, input.name);
      if (input.active && (input.answer ?? '').trim() === '')
        throw new AppFailure('invalid_request', 'answer: write the answer calls should get, or turn it off', {
          detail: { field: 'answer' },
        });
      repo.setCanned(
        input.serverId,
        input.name,
        input.answer === null ? null : { answer: input.answer, active: input.active },
      );
      const tool = service.tools(input.serverId).find((t) => t.name === input.name);
      if (!tool) throw new AppFailure('not_found', `The server no longer lists a tool named ${input.name}.`);
      return tool;
    },
    'mcp:diff': (input) => {
      const row = repo.tool(input.serverId, input.name);
      return definitionDiff(row.pinned, row.definition);
    },
    'mcp:attachments': (input) => repo.attachments(input.threadId),
    'mcp:attach': (input) => {
      repo.server(input.serverId);
      if (input.toolName !== null) repo.tool(input.serverId, input.toolName);
      if (input.attached) checkAttachable(repo, input.threadId, input.serverId, input.toolName);
      repo.attach(input.threadId, input.serverId, input.toolName, input.attached);
      return repo.attachments(input.threadId);
    },
    'mcp:pending': () => approvals.pending(),
    'mcp:decide': (input) => approvals.decide(input.batchId, input.decisions),
    'mcp:cancel': (input) => approvals.cancel(input.batchId),
    'mcp:runs': (input) => runs.recent(input.serverId, input.limit),
    'mcp:result': (input) => resultView(runs, input.toolCallId, input.full),
    'mcp:runLedger': ({ offset, limit, ...filter }) => runLedger(db, checked(filter), { offset, limit }),
    'mcp:exportRuns': ({ format, ...filter }) => {
      const rows = ledgerRuns(db, checked(filter));
      const first = rows.at(-1)?.startedAt ?? filter.from;
      const last = rows[0]?.startedAt ?? Math.max(filter.from, filter.to - 1);
      return {
        filename: runsFilename(first, last, format),
        text: format === 'csv' ? runsCsv(rows) : runsJson(rows),
      };
    },
    'mcp:import': async (input) => {
      const parsed = parseClaudeConfig(input.text);
      const added = [];
      for (const server of parsed) {
        let name = server.name;
        for (let n = 2; repo.byName(name); n += 1) name = `${server.name.slice(0, 28)}-${n}`;
        added.push((await service.save(undefined, { ...server, name })).server);
      }
      return added;
    },
    'mcp:export': () => ({ text: claudeConfigText(repo.servers()) }),
  };
}
