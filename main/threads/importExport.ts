import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AttachmentBlobs } from '../attachments/exportBlobs';
import { exportBlobs, importBlobs } from '../attachments/exportBlobs';
import type { Message, Thread } from '../contract';
import { AppFailure } from '../contract';
import { titleFrom } from './defaults';
import type { OpenAIMessage } from './importExportFormat';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  ExportHeader,
  OpenAIMessageList,
  OpenAIRequestBody,
  ThreadExport,
} from './importExportFormat';
import { threadToMarkdown } from './markdown';
import { INTERRUPTED_MESSAGE } from './messageStore';
import type { NewMessage, ThreadsRepo } from './repo';

export type ExportFormat = 'json' | 'markdown';
type ImportedMessage = Omit<NewMessage, 'threadId'>;

const IMPORTED_TITLE = 'Imported thread';

export function threadToExport(
  repo: ThreadsRepo,
  id: string,
  now: number,
  blobs?: AttachmentBlobs,
): ThreadExport {
  const thread = repo.getThread(id);
  const messages = repo.messages(id);
  const attachments = blobs ? exportBlobs(messages, blobs) : undefined;
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now,
    thread: {
      id: thread.id,
      title: thread.title,
      titleEdited: thread.titleEdited,
      pinned: thread.pinned,
      archived: thread.archived,
      createdAt: thread.createdAt,
      lastActivityAt: thread.lastActivityAt,
      activeLeafId: thread.activeLeafId,
      settings: thread.settings,
    },
    messages,
    ...(attachments ? { attachments } : {}),
  };
}

function filenameFor(title: string, extension: string): string {
  const slug = title
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 60)
    .toLowerCase();
  return `${slug || 'thread'}.${extension}`;
}

/** JSON (every branch, lossless) or Markdown (the active branch, for reading). */
export function exportThread(
  repo: ThreadsRepo,
  id: string,
  format: ExportFormat,
  now: number,
  blobs?: AttachmentBlobs,
): { filename: string; text: string } {
  const thread = repo.getThread(id);
  if (format === 'markdown') {
    return {
      filename: filenameFor(thread.title, 'md'),
      text: threadToMarkdown(thread, repo.activePath(id), now),
    };
  }
  return {
    filename: filenameFor(thread.title, 'json'),
    text: `${JSON.stringify(threadToExport(repo, id, now, blobs), null, 2)}\n`,
  };
}

function invalid(what: string, error: z.ZodError): AppFailure {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const first = issues[0];
  const where = first?.path ? ` (at ${first.path})` : '';
  return new AppFailure(
    'invalid_request',
    `This is not ${what}: ${first?.message ?? 'unexpected content'}${where}.`,
    {
      detail: { issues, ...(first?.path ? { field: first.path } : {}) },
    },
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unreadable';
    throw new AppFailure('invalid_request', `The text is not valid JSON (${reason}).`);
  }
}

/** Imports an LLM Desk thread export or an OpenAI `messages` array as a new thread. */
export function importThread(repo: ThreadsRepo, text: string, now: number, blobs?: AttachmentBlobs): Thread {
  const value = parseJson(text);
  const header = ExportHeader.safeParse(value);
  if (header.success) return importExport(repo, value, header.data.version, blobs);
  if (typeof value === 'object' && value !== null && 'format' in value) {
    throw new AppFailure('invalid_request', 'This file is a JSON export, but not of an LLM Desk thread.');
  }
  if (Array.isArray(value)) {
    const list = OpenAIMessageList.safeParse(value);
    if (!list.success) throw invalid('an OpenAI messages array', list.error);
    return importOpenAI(repo, list.data, now);
  }
  if (typeof value === 'object' && value !== null && 'messages' in value) {
    const body = OpenAIRequestBody.safeParse(value);
    if (!body.success) throw invalid('an OpenAI request with messages', body.error);
    return importOpenAI(repo, body.data.messages, now);
  }
  throw new AppFailure(
    'invalid_request',
    'This is neither an LLM Desk thread export nor an OpenAI messages array.',
  );
}

/**
 * The file's order, except that a message waits for its parent: rowid order among messages
 * created in the same millisecond survives the round trip. Rejects missing parents and cycles.
 */
function parentsFirst(messages: readonly Message[]): Message[] {
  const ids = new Set<string>();
  for (const message of messages) {
    if (ids.has(message.id))
      throw new AppFailure('invalid_request', `The file lists message ${message.id} twice.`);
    ids.add(message.id);
  }
  const placed = new Set<string>();
  const waiting = new Map<string, Message[]>();
  const ordered: Message[] = [];
  const place = (message: Message): void => {
    const stack = [message];
    for (let next = stack.pop(); next; next = stack.pop()) {
      ordered.push(next);
      placed.add(next.id);
      stack.push(...(waiting.get(next.id) ?? []).reverse());
      waiting.delete(next.id);
    }
  };
  for (const message of messages) {
    if (message.parentId === null || placed.has(message.parentId)) place(message);
    else waiting.set(message.parentId, [...(waiting.get(message.parentId) ?? []), message]);
  }
  if (ordered.length !== messages.length) {
    throw new AppFailure('invalid_request', 'Some messages in the file answer a message that is not in it.');
  }
  return ordered;
}

function importExport(repo: ThreadsRepo, value: unknown, version: number, blobs?: AttachmentBlobs): Thread {
  if (version !== EXPORT_VERSION) {
    throw new AppFailure(
      'invalid_request',
      `This export is format version ${version}; this app reads version ${EXPORT_VERSION}. Update the app to import it.`,
    );
  }
  const parsed = ThreadExport.safeParse(value);
  if (!parsed.success) throw invalid('a valid LLM Desk thread export', parsed.error);
  const { thread, messages } = parsed.data;
  // Attachment bytes first: a message may only name a stored blob.
  if (blobs) importBlobs(messages, parsed.data.attachments, blobs);
  const newIds = new Map(messages.map((m) => [m.id, randomUUID()]));
  const newId = (id: string | null) => (id === null ? null : (newIds.get(id) ?? null));
  const imported: ImportedMessage[] = parentsFirst(messages).map((m) => ({
    ...m,
    id: newId(m.id) ?? randomUUID(),
    parentId: newId(m.parentId),
    // Nothing is streaming into an imported message; say so rather than show a caret forever.
    ...(m.status === 'streaming'
      ? {
          status: 'interrupted' as const,
          errorCode: m.errorCode ?? 'aborted',
          errorMessage: m.errorMessage ?? INTERRUPTED_MESSAGE,
        }
      : {}),
  }));
  return repo.importThread(
    {
      title: thread.title,
      titleEdited: thread.titleEdited,
      pinned: thread.pinned,
      archived: thread.archived,
      createdAt: thread.createdAt,
      lastActivityAt: thread.lastActivityAt,
      activeLeafId: newId(thread.activeLeafId) ?? imported[imported.length - 1]?.id ?? null,
      settings: { ...thread.settings, toolIds: repo.knownToolIds(thread.settings.toolIds) },
    },
    imported,
  );
}

function textOf(content: OpenAIMessage['content']): string {
  if (content === undefined || content === null) return '';
  if (typeof content === 'string') return content;
  return content.map((part) => (part.type === 'text' ? (part.text ?? '') : `[${part.type}]`)).join('\n');
}

const ROLES = {
  system: 'system',
  developer: 'system',
  user: 'user',
  assistant: 'assistant',
  tool: 'tool',
  function: 'tool',
} as const;

/** A linear thread; leading system (or developer) messages become its system prompt. */
function importOpenAI(repo: ThreadsRepo, list: readonly OpenAIMessage[], now: number): Thread {
  const firstOther = list.findIndex((m) => m.role !== 'system' && m.role !== 'developer');
  const leading = firstOther === -1 ? list : list.slice(0, firstOther);
  const rest = firstOther === -1 ? [] : list.slice(firstOther);
  const systemPrompt = leading.map((m) => textOf(m.content)).join('\n\n');
  let parentId: string | null = null;
  const imported: ImportedMessage[] = rest.map((m, index) => {
    const message: ImportedMessage = {
      id: randomUUID(),
      parentId,
      role: ROLES[m.role],
      content: textOf(m.content),
      reasoning: m.reasoning_content ?? m.reasoning ?? null,
      toolCalls: m.tool_calls && m.tool_calls.length > 0 ? m.tool_calls : null,
      toolCallId: m.tool_call_id ?? null,
      name: m.name ?? null,
      createdAt: now + index,
      updatedAt: now + index,
    };
    parentId = message.id ?? null;
    return message;
  });
  const firstUser = imported.find((m) => m.role === 'user');
  return repo.importThread(
    {
      title: titleFrom(firstUser?.content ?? '') || IMPORTED_TITLE,
      createdAt: now,
      lastActivityAt: now + imported.length,
      activeLeafId: parentId,
      settings: repo.newThreadSettings({ systemPrompt }),
    },
    imported,
  );
}
