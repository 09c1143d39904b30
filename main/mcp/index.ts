import type { DatabaseSync } from 'node:sqlite';
import type { McpConsent } from '../contract';
import type { EventSink } from '../ipc/handlers';
import type { SecretStore } from '../secrets/secretStore';
import { McpApprovals } from './approvals';
import { mcpHandlers } from './handlers';
import { McpRepo } from './repo';
import { McpRunLog } from './runLog';
import type { McpServiceDeps } from './service';
import { McpService } from './service';

export interface McpOptions {
  db: DatabaseSync;
  secrets: SecretStore;
  events: EventSink;
  libraryNames: () => string[];
  now: () => number;
  fetch?: typeof fetch;
  shellEnv?: Readonly<Record<string, string | undefined>>;
  confirmOutside?: (consent: McpConsent) => Promise<boolean>;
  transportFor?: McpServiceDeps['transportFor'];
  openExternal?: (url: string) => Promise<void>;
  signInTimeoutMs?: number;
}

/** MCP servers, built once by the composition root: the chat port, the handlers, and shutdown. */
export function createMcp(options: McpOptions) {
  const repo = new McpRepo(options.db, options.now);
  const runs = new McpRunLog(options.db);
  const service = new McpService({
    repo,
    secrets: options.secrets,
    events: options.events,
    shellEnv: options.shellEnv ?? process.env,
    libraryNames: options.libraryNames,
    fetch: options.fetch,
    now: options.now,
    confirmOutside: options.confirmOutside,
    transportFor: options.transportFor,
    openExternal: options.openExternal,
    signInTimeoutMs: options.signInTimeoutMs,
  });
  const approvals = new McpApprovals({ repo, runs, service, events: options.events, now: options.now });
  return {
    service,
    approvals,
    repo,
    runs,
    port: approvals,
    handlers: mcpHandlers({ service, approvals, repo, runs, db: options.db }),
    shutdown: async () => {
      for (const batch of approvals.pending()) approvals.cancel(batch.id);
      await service.shutdown();
    },
  };
}
