import type {
  AttachmentChoice,
  AttachmentRef,
  Capabilities,
  Message,
  Provider,
  Thread,
  ToolDef,
  UsageRow,
} from '../contract';
import type { AttachmentParts } from './request/messages';
import type { RunPlan } from './request/plan';
import type { EventSink } from '../ipc/handlers';
import type { McpChatPort } from '../mcp/approvals';

/** What the chat engine needs from other services; the composition root passes the real ones. */

export type NewMessage = Partial<Message> & Pick<Message, 'threadId' | 'parentId' | 'role'>;
export type MessagePatch = Partial<Omit<Message, 'id' | 'threadId' | 'createdAt'>>;

/** One server-sent event as it arrived, for the inspector. */
export interface RawEvent {
  seq: number;
  at: number;
  data: string;
}

/** M3's ThreadsRepo. */
export interface ThreadsPort {
  getThread(id: string): Thread;
  /** Throws not_found when it is gone. */
  getMessage(id: string): Message;
  activePath(threadId: string, leafId?: string | null): Message[];
  insertMessage(message: NewMessage): Message;
  updateMessage(id: string, patch: MessagePatch): Message;
  /** Deletes a message and what is below it (a placeholder for a choice that never came). */
  deleteMessage(id: string): number;
  setActiveLeaf(threadId: string, messageId: string): void;
  touch(threadId: string): void;
  appendEvents(messageId: string, events: RawEvent[]): void;
}

/** M4's ProvidersService. */
export interface ProvidersPort {
  get(id: string): Provider;
  /** The Authorization (and custom) headers; throws auth_missing / auth_expired / keychain_unavailable. */
  requestAuth(providerId: string): Promise<Record<string, string>>;
  /** After a 401: true when an OAuth refresh succeeded and the caller should retry once. */
  handleUnauthorized(providerId: string): Promise<boolean>;
}

export interface ModelDescription {
  capabilities: Capabilities;
  confidential: boolean;
  allowed: boolean;
  hiddenReason: string | null;
}

/** M4's ModelsService. */
export interface ModelsPort {
  describe(providerId: string, model: string): Promise<ModelDescription>;
}

export type UsageRecord = Omit<UsageRow, 'id' | 'cost'> & { id?: string; cost?: number | null };

/** M5's UsageLedger. */
export interface UsagePort {
  record(row: UsageRecord): UsageRow;
}

/** M5's ToolsService. */
export interface ToolsPort {
  getMany(ids: string[]): ToolDef[];
}

/** The attachments service (main/attachments/service.ts), as the chat engine uses it. */
export interface AttachmentsPort {
  refsFor(choices: readonly AttachmentChoice[]): AttachmentRef[];
  commit(choices: readonly AttachmentChoice[]): void;
  partsFor(providerId: string, model: string, caps: Capabilities): AttachmentParts;
  /** Throws invalid_request when the request is over the provider's size or the model's window. */
  check(plan: RunPlan, path: readonly Message[]): Promise<void>;
}

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export interface ChatDeps {
  threads: ThreadsPort;
  providers: ProvidersPort;
  models: ModelsPort;
  usage: UsagePort;
  tools: ToolsPort;
  /** MCP servers' tools attached to the thread, and running their calls (issue 16). */
  mcp?: McpChatPort;
  /** Absent: messages carry no files (tests of other stages). */
  attachments?: AttachmentsPort;
  events: EventSink;
  fetch: typeof fetch;
  /** M5's tokenizer, for attempts whose usage the provider did not report. */
  estimateTokens: (text: string) => number;
  /** Wall clock for stored timestamps. Default `Date.now`. */
  now?: () => number;
  /** Waits between retries; must reject or resolve early when the signal aborts. */
  sleep?: Sleep;
  /** Jitter source in [0, 1). Default `Math.random`. */
  random?: () => number;
  /** Milliseconds between delta pushes per stream. Default 16 (one animation frame). */
  deltaIntervalMs?: number;
  /** Milliseconds between saves of a growing message. Default 250. */
  saveIntervalMs?: number;
}
