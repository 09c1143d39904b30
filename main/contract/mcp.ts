import { z } from 'zod';
import { channel } from './define';

/**
 * MCP servers (issue 16): servers run in main only; the window sees their configuration without
 * secret values, asks main to show or confirm consent, and decides on tool calls main holds back.
 */

/** Server names become the prefix of every function name offered to the model. */
export const MCP_SERVER_NAME = /^[A-Za-z0-9_-]{1,32}$/;
export const MCP_ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
export const MCP_HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}$/;

/** How many tools one request may carry (OpenAI-compatible APIs refuse more than 128). */
export const MCP_MAX_TOOLS_PER_REQUEST = 128;

const Value = z.string().max(16_384, 'a value can be at most 16,384 characters');

/** One environment variable or header as written by the window. A secret's value goes to the keychain. */
export const McpVarInput = z.object({
  name: z.string().min(1).max(128),
  secret: z.boolean().default(false),
  /** For a secret: omitted keeps the stored value (values are never read back). */
  value: Value.optional(),
});
export type McpVarInput = z.input<typeof McpVarInput>;

/** What the window may know of one variable: a secret's value never leaves main. */
export const McpVar = z.object({
  name: z.string(),
  secret: z.boolean(),
  value: z.string().nullable(),
  /** A secret has a value in the keychain. */
  stored: z.boolean(),
});
export type McpVar = z.infer<typeof McpVar>;

export const McpTransport = z.enum(['stdio', 'http']);
export type McpTransport = z.infer<typeof McpTransport>;

export const McpAuth = z.enum(['none', 'oauth']);
export type McpAuth = z.infer<typeof McpAuth>;

export const McpServerInput = z.object({
  name: z.string().regex(MCP_SERVER_NAME, 'name: use 1–32 letters, digits, _ or -'),
  transport: McpTransport,
  command: z.string().max(4096).default(''),
  args: z.array(z.string().max(4096)).max(256).default([]),
  cwd: z.string().max(4096).nullable().default(null),
  env: z.array(McpVarInput).max(128).default([]),
  url: z.string().max(4096).nullable().default(null),
  headers: z.array(McpVarInput).max(64).default([]),
  handshakeTimeoutMs: z.number().int().min(500).max(120_000).default(15_000),
  callTimeoutMs: z.number().int().min(500).max(600_000).default(60_000),
  /** Remote servers only: `oauth` signs in through the system browser (MCP's authorization). */
  auth: McpAuth.default('none'),
  /** Scopes to ask for; empty: what the server advertises. */
  oauthScopes: z.string().max(1024).default(''),
  /** A client id the server's owner gave you; null: the app registers itself (dynamic registration). */
  oauthClientId: z.string().max(512).nullable().default(null),
});
export type McpServerInput = z.input<typeof McpServerInput>;

export const McpState = z.enum(['stopped', 'starting', 'running', 'error']);
export type McpState = z.infer<typeof McpState>;

export const McpStatus = z.object({
  state: McpState,
  /** What went wrong, in words that say what to do (a missing command, a wrong PATH, a crash…). */
  message: z.string().nullable(),
  pid: z.number().nullable(),
  serverName: z.string().nullable(),
  serverVersion: z.string().nullable(),
  since: z.number(),
});
export type McpStatus = z.infer<typeof McpStatus>;

export const McpServer = z.object({
  id: z.string(),
  name: z.string(),
  transport: McpTransport,
  command: z.string(),
  args: z.array(z.string()),
  cwd: z.string().nullable(),
  env: z.array(McpVar),
  url: z.string().nullable(),
  headers: z.array(McpVar),
  handshakeTimeoutMs: z.number(),
  callTimeoutMs: z.number(),
  auth: McpAuth,
  oauthScopes: z.string(),
  oauthClientId: z.string().nullable(),
  /** OAuth servers: `needed` until signed in, and again when the sign-in expired or was revoked. */
  signIn: z.enum(['none', 'needed', 'signed-in']),
  /** The user confirmed exactly this command, arguments and variable names. */
  consented: z.boolean(),
  status: McpStatus,
  toolCount: z.number(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type McpServer = z.infer<typeof McpServer>;

/** Exactly what will run, shown before anything does. `consentId` is good for one confirmation. */
export const McpConsent = z.object({
  consentId: z.string(),
  serverId: z.string(),
  name: z.string(),
  transport: McpTransport,
  command: z.string(),
  /** Where the command was found on the PATH the server gets; null: it was not found. */
  resolvedCommand: z.string().nullable(),
  args: z.array(z.string()),
  cwd: z.string().nullable(),
  envNames: z.array(z.string()),
  /** Variables passed on from the app's own environment (an allow-list, never the whole shell's). */
  inheritedNames: z.array(z.string()),
  url: z.string().nullable(),
  headerNames: z.array(z.string()),
  /** Consent was given before for a different command or variables: this is a change. */
  changed: z.boolean(),
});
export type McpConsent = z.infer<typeof McpConsent>;

export const McpPolicy = z.enum(['ask', 'allow', 'deny']);
export type McpPolicy = z.infer<typeof McpPolicy>;

export const McpFlag = z.object({
  kind: z.enum(['hidden_unicode', 'instruction_like']),
  detail: z.string(),
});
export type McpFlag = z.infer<typeof McpFlag>;

export const McpTool = z.object({
  serverId: z.string(),
  serverName: z.string(),
  name: z.string(),
  /** The name offered to the model: `server__tool`, cut to the 64 characters allowed. */
  functionName: z.string(),
  description: z.string(),
  inputSchema: z.record(z.string(), z.unknown()),
  annotations: z.record(z.string(), z.unknown()),
  policy: McpPolicy,
  /** The server's claim (destructiveHint), true when it made none: shown, never trusted. */
  destructive: z.boolean(),
  pinned: z.boolean(),
  /** The definition differs from the one approved: blocked until the user re-approves. */
  changed: z.boolean(),
  flags: z.array(McpFlag),
  /** Why the tool cannot be offered (a schema that is not JSON Schema, a name clash); null: usable. */
  problem: z.string().nullable(),
  /** The user's own answer; when active, calls return it and the tool does not run. */
  canned: z.object({ answer: z.string(), active: z.boolean() }).nullable(),
});
export type McpTool = z.infer<typeof McpTool>;

/** A canned answer can be as long as a tool result the app keeps for the model. */
export const MCP_CANNED_MAX_CHARS = 100_000;

export const McpDefinition = z.object({
  name: z.string(),
  description: z.string(),
  inputSchema: z.record(z.string(), z.unknown()),
});
export type McpDefinition = z.infer<typeof McpDefinition>;

export const McpDiffLine = z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() });
export type McpDiffLine = z.infer<typeof McpDiffLine>;

export const McpDiff = z.object({
  before: McpDefinition.nullable(),
  after: McpDefinition,
  lines: z.array(McpDiffLine),
});
export type McpDiff = z.infer<typeof McpDiff>;

/** `canned`: answered with the user's canned answer; nothing runs. */
export const McpDecision = z.enum(['ask', 'blocked', 'allow', 'deny', 'canned']);

export const McpPendingCall = z.object({
  toolCallId: z.string(),
  functionName: z.string(),
  serverId: z.string(),
  serverName: z.string(),
  tool: z.string(),
  description: z.string(),
  argumentsText: z.string(),
  inputSchema: z.record(z.string(), z.unknown()),
  decision: McpDecision,
  destructive: z.boolean(),
  flags: z.array(McpFlag),
  /** A changed definition: what it was when approved and what it is now. */
  diff: McpDiff.nullable(),
  /** The canned answer the call returns instead of running (decision `canned`). */
  canned: z.string().nullable().default(null),
  /** After the decision: what happened. */
  outcome: z.enum(['waiting', 'running', 'done', 'failed', 'denied', 'cancelled']),
});
export type McpPendingCall = z.infer<typeof McpPendingCall>;

export const McpBatch = z.object({
  id: z.string(),
  threadId: z.string(),
  messageId: z.string(),
  state: z.enum(['waiting', 'running', 'done', 'cancelled']),
  calls: z.array(McpPendingCall),
});
export type McpBatch = z.infer<typeof McpBatch>;

export const McpCallDecision = z.object({
  toolCallId: z.string(),
  action: z.enum(['once', 'always', 'deny']),
  /** Edited arguments (JSON text), checked against the tool's schema before anything runs. */
  argumentsText: z.string().max(1_000_000).optional(),
});
export type McpCallDecision = z.infer<typeof McpCallDecision>;

export const McpContent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('image'), mimeType: z.string(), data: z.string() }),
  z.object({
    type: z.literal('resource'),
    uri: z.string(),
    mimeType: z.string().nullable(),
    text: z.string(),
  }),
  z.object({ type: z.literal('other'), text: z.string() }),
]);
export type McpContent = z.infer<typeof McpContent>;

export const McpRun = z.object({
  id: z.string(),
  serverId: z.string(),
  serverName: z.string(),
  tool: z.string(),
  threadId: z.string().nullable(),
  toolCallId: z.string().nullable(),
  startedAt: z.number(),
  durationMs: z.number(),
  /** `canned`: answered with the user's canned answer instead of running. */
  status: z.enum(['ok', 'error', 'denied', 'timeout', 'cancelled', 'canned']),
  error: z.string().nullable(),
});
export type McpRun = z.infer<typeof McpRun>;

/** A result as the server returned it, for display: marked untrusted, capped unless `full`. */
export const McpResult = z.object({
  run: McpRun,
  content: z.array(McpContent),
  structured: z.string().nullable(),
  isError: z.boolean(),
  truncated: z.boolean(),
  totalChars: z.number(),
});
export type McpResult = z.infer<typeof McpResult>;

export const McpAttachments = z.object({
  servers: z.array(z.string()),
  tools: z.array(z.object({ serverId: z.string(), name: z.string() })),
});
export type McpAttachments = z.infer<typeof McpAttachments>;

const Id = z.object({ id: z.string().min(1) });
const ServerView = McpServer;

export const mcpChannels = {
  'mcp:list': channel(z.object({}), z.array(ServerView)),
  /** Adds (no id) or changes a server. Never starts it: a stdio change returns the consent to show. */
  'mcp:save': channel(
    z.object({ id: z.string().optional(), server: McpServerInput }),
    z.object({ server: ServerView, consent: McpConsent.nullable() }),
  ),
  'mcp:delete': channel(Id, z.object({ deleted: z.boolean() })),
  /** What would run, for the consent screen; the confirmation must quote its consentId. */
  'mcp:requestConsent': channel(Id, McpConsent),
  /** Records consent for exactly what was shown, then starts the server. */
  'mcp:confirmConsent': channel(z.object({ consentId: z.string() }), ServerView),
  'mcp:start': channel(Id, ServerView),
  /**
   * OAuth sign-in for a remote server: the system browser (or, where none opens, the address in
   * `mcp:signInUrl`), a loopback redirect, then the server starts. Tokens go to the keychain only.
   */
  'mcp:signIn': channel(Id, ServerView),
  /** Cancels a sign-in waiting for the browser; nothing is saved. */
  'mcp:cancelSignIn': channel(Id, z.object({ cancelled: z.boolean() })),
  /** Stops the server and forgets its tokens. */
  'mcp:signOut': channel(Id, ServerView),
  'mcp:stop': channel(Id, ServerView),
  'mcp:restart': channel(Id, ServerView),
  /** The server's stderr, bounded (the newest lines), secrets masked. */
  'mcp:log': channel(Id, z.object({ lines: z.array(z.string()), dropped: z.number() })),
  'mcp:tools': channel(z.object({ serverId: z.string().optional() }), z.array(McpTool)),
  'mcp:setPolicy': channel(z.object({ serverId: z.string(), name: z.string(), policy: McpPolicy }), McpTool),
  /** Sets (or with null removes) a tool's canned answer, and whether calls get it instead of a run. */
  'mcp:setCanned': channel(
    z.object({
      serverId: z.string(),
      name: z.string(),
      answer: z.string().max(MCP_CANNED_MAX_CHARS, 'answer: at most 100,000 characters').nullable(),
      active: z.boolean(),
    }),
    McpTool,
  ),
  'mcp:diff': channel(z.object({ serverId: z.string(), name: z.string() }), McpDiff),
  'mcp:attachments': channel(z.object({ threadId: z.string() }), McpAttachments),
  /** Attach a whole server (toolName null) or one tool to a thread, or detach it. */
  'mcp:attach': channel(
    z.object({
      threadId: z.string(),
      serverId: z.string(),
      toolName: z.string().nullable(),
      attached: z.boolean(),
    }),
    McpAttachments,
  ),
  /** Calls waiting for the user (a reloaded window picks them up). */
  'mcp:pending': channel(z.object({}), z.array(McpBatch)),
  /** Decides every waiting call of a batch at once: parallel calls are approved together. */
  'mcp:decide': channel(
    z.object({ batchId: z.string(), decisions: z.array(McpCallDecision).min(1) }),
    McpBatch,
  ),
  /** Stop: cancels a batch waiting or running; the calls stay for the user to answer. */
  'mcp:cancel': channel(z.object({ batchId: z.string() }), z.object({ cancelled: z.boolean() })),
  'mcp:runs': channel(
    z.object({ serverId: z.string().optional(), limit: z.number().int().min(1).max(500).default(50) }),
    z.array(McpRun),
  ),
  'mcp:result': channel(
    z.object({ toolCallId: z.string(), full: z.boolean().default(false) }),
    McpResult.nullable(),
  ),
  /** Claude-Desktop `mcpServers` JSON: servers are added, none is started (each needs consent). */
  'mcp:import': channel(z.object({ text: z.string().min(1).max(1_000_000) }), z.array(ServerView)),
  /** Claude-Desktop `mcpServers` JSON without any secret value. */
  'mcp:export': channel(z.object({}), z.object({ text: z.string() })),
};

export const mcpEvents = {
  /** A server's status, configuration or tools changed (null: several). */
  'mcp:changed': z.object({ serverId: z.string().nullable() }),
  /** A batch of calls waits for the user, or moved on. */
  'mcp:approval': McpBatch,
  /** A sign-in's address, for when no browser could be opened: the user opens it anywhere here. */
  'mcp:signInUrl': z.object({ serverId: z.string(), url: z.string() }),
};
