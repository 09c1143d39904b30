import type { SQLInputValue } from 'node:sqlite';
import type { Message, ThreadSettings, ThreadSummary } from '../contract';

/** A `messages` row as SQLite returns it. */
export interface MessageRow {
  id: string;
  thread_id: string;
  parent_id: string | null;
  role: Message['role'];
  content: string;
  reasoning: string | null;
  tool_calls_json: string | null;
  tool_call_id: string | null;
  name: string | null;
  choice_index: number;
  logprobs_json: string | null;
  status: Message['status'];
  finish_reason: string | null;
  error_code: Message['errorCode'];
  error_message: string | null;
  provider_id: string | null;
  model: string | null;
  usage_json: string | null;
  usage_id: string | null;
  meta_json: string | null;
  /** Migration 007; absent on rows read before it ran. */
  attachments_json?: string | null;
  created_at: number;
  updated_at: number;
}

/** A `threads` row as SQLite returns it. */
export interface ThreadRow {
  id: string;
  title: string;
  title_edited: number;
  pinned: number;
  archived: number;
  deleted_at: number | null;
  provider_id: string | null;
  model: string | null;
  system_prompt: string;
  params_json: string;
  settings_json: string;
  active_leaf_id: string | null;
  message_count: number;
  total_tokens: number;
  total_credits: number;
  credited_messages: number;
  total_cost: number;
  costed_messages: number;
  created_at: number;
  last_activity_at: number;
}

/**
 * Reads JSON this app wrote through the typed repository. It is not re-validated on every read:
 * opening a 10,000-message thread would spend most of its time in the validator. Imported data
 * is validated once, at the door (importExport.ts).
 */
export function readJson<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}

const writeJson = (value: unknown): string | null =>
  value === null || value === undefined ? null : JSON.stringify(value);

/**
 * How the `meta` column holds what it is given, when something keeps it shorter than the message:
 * attachments store a request body's base64 as references to their blobs and rebuild the exact
 * bytes when the body is read (main/attachments/requestBodies.ts). Without one, JSON as it is.
 */
export interface MetaCodec {
  stored(meta: NonNullable<Message['meta']>): unknown;
  read(stored: NonNullable<Message['meta']>): NonNullable<Message['meta']>;
}

export function messageFromRow(row: MessageRow, codec: MetaCodec | null = null): Message {
  const meta = readJson<Message['meta']>(row.meta_json);
  return {
    id: row.id,
    threadId: row.thread_id,
    parentId: row.parent_id,
    role: row.role,
    content: row.content,
    reasoning: row.reasoning,
    toolCalls: readJson<Message['toolCalls']>(row.tool_calls_json),
    toolCallId: row.tool_call_id,
    name: row.name,
    choiceIndex: row.choice_index,
    logprobs: readJson<Message['logprobs']>(row.logprobs_json),
    status: row.status,
    finishReason: row.finish_reason,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    providerId: row.provider_id,
    model: row.model,
    usage: readJson<Message['usage']>(row.usage_json),
    usageId: row.usage_id,
    meta: meta && codec ? codec.read(meta) : meta,
    ...(row.attachments_json
      ? { attachments: readJson<Message['attachments']>(row.attachments_json) ?? [] }
      : {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Message fields and the column each one is stored in (JSON columns are encoded on write). */
export const MESSAGE_COLUMNS = {
  threadId: 'thread_id',
  parentId: 'parent_id',
  role: 'role',
  content: 'content',
  reasoning: 'reasoning',
  toolCalls: 'tool_calls_json',
  toolCallId: 'tool_call_id',
  name: 'name',
  choiceIndex: 'choice_index',
  logprobs: 'logprobs_json',
  status: 'status',
  finishReason: 'finish_reason',
  errorCode: 'error_code',
  errorMessage: 'error_message',
  providerId: 'provider_id',
  model: 'model',
  usage: 'usage_json',
  usageId: 'usage_id',
  meta: 'meta_json',
  attachments: 'attachments_json',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
} as const satisfies Record<Exclude<keyof Message, 'id'>, string>;

export type MessageField = keyof typeof MESSAGE_COLUMNS;

const JSON_FIELDS: ReadonlySet<MessageField> = new Set([
  'toolCalls',
  'logprobs',
  'usage',
  'meta',
  'attachments',
]);

/** The SQLite value of one message field. */
export function columnValue(
  field: MessageField,
  value: unknown,
  codec: MetaCodec | null = null,
): SQLInputValue {
  if (field === 'meta' && codec && value)
    return writeJson(codec.stored(value as NonNullable<Message['meta']>));
  if (JSON_FIELDS.has(field)) return writeJson(value);
  if (value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value === null) return value;
  throw new TypeError(`message field ${field} cannot hold ${typeof value}`);
}

export type ThreadOptions = Pick<ThreadSettings, 'toolMode' | 'maxToolRounds' | 'variables'>;

/** The columns a thread's summary is made of: the list reads only these (not prompts or settings). */
export const SUMMARY_COLUMNS = [
  'id',
  'title',
  'title_edited',
  'pinned',
  'archived',
  'provider_id',
  'model',
  'message_count',
  'last_activity_at',
  'created_at',
  'total_tokens',
  'total_credits',
  'credited_messages',
  'total_cost',
  'costed_messages',
] as const satisfies readonly (keyof ThreadRow)[];

export type SummaryRow = Pick<ThreadRow, (typeof SUMMARY_COLUMNS)[number]>;

export function summaryFromRow(row: SummaryRow): ThreadSummary {
  return {
    id: row.id,
    title: row.title,
    titleEdited: row.title_edited === 1,
    pinned: row.pinned === 1,
    archived: row.archived === 1,
    providerId: row.provider_id,
    model: row.model,
    messageCount: row.message_count,
    lastActivityAt: row.last_activity_at,
    createdAt: row.created_at,
    totals: {
      tokens: row.total_tokens,
      credits: row.credited_messages > 0 ? row.total_credits : null,
      cost: row.costed_messages > 0 ? row.total_cost : null,
    },
  };
}

export function settingsFromRow(row: ThreadRow, toolIds: string[]): ThreadSettings {
  const options = readJson<Partial<ThreadOptions>>(row.settings_json) ?? {};
  return {
    providerId: row.provider_id,
    model: row.model,
    systemPrompt: row.system_prompt,
    params: readJson<ThreadSettings['params']>(row.params_json) ?? {},
    toolIds,
    toolMode: options.toolMode ?? 'manual',
    maxToolRounds: options.maxToolRounds ?? 5,
    ...(options.variables ? { variables: options.variables } : {}),
  };
}

/** The fields that are set, so spreading a partial over defaults never writes `undefined`. */
export function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
