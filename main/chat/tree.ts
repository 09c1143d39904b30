import type { Message, MessageRole, ToolDef } from '../contract';
import { AppFailure, MESSAGE_DEFAULTS } from '../contract';
import type { RunPlan } from './request/plan';
import type { ThreadsPort } from './ports';

/** Message-tree helpers of the chat service: lookups, drafts and tool results. */

export interface ToolResult {
  toolCallId: string;
  name: string;
  content: string;
}

/**
 * A message that exists only to build a request: the request is validated before the user's
 * turn is stored, so a refused request leaves nothing behind.
 */
export function draft(
  threadId: string,
  parentId: string | null,
  role: MessageRole,
  content: string,
  extra: Partial<Message> = {},
): Message {
  return {
    id: '',
    threadId,
    parentId,
    role,
    ...MESSAGE_DEFAULTS,
    content,
    createdAt: 0,
    updatedAt: 0,
    ...extra,
  };
}

/** One message of a thread, read alone (a long thread's other messages are not loaded for it). */
export function findMessage(threads: ThreadsPort, threadId: string, id: string): Message {
  const message = threads.getMessage(id);
  if (message.threadId !== threadId)
    throw new AppFailure('not_found', 'That message no longer exists in this thread.');
  return message;
}

/** One streaming assistant message per requested choice, all children of `parentId`. */
export function createAnswers(threads: ThreadsPort, plan: RunPlan, parentId: string | null): Message[] {
  const answers: Message[] = [];
  for (let index = 0; index < plan.request.choices; index += 1) {
    answers.push(
      threads.insertMessage({
        threadId: plan.thread.id,
        parentId,
        role: 'assistant',
        content: '',
        status: 'streaming',
        choiceIndex: index,
        providerId: plan.provider.id,
        model: plan.model,
      }),
    );
  }
  return answers;
}

/** Every result must answer a call the assistant actually made. */
export function checkToolResults(assistant: Message, results: readonly ToolResult[]): void {
  const calls = assistant.role === 'assistant' ? (assistant.toolCalls ?? []) : [];
  if (calls.length === 0) {
    throw new AppFailure('invalid_request', 'results: that message did not call any tools', {
      detail: { field: 'results' },
    });
  }
  for (const result of results) {
    if (!calls.some((c) => c.id === result.toolCallId)) {
      throw new AppFailure(
        'invalid_request',
        `results: the assistant made no tool call with id ${result.toolCallId}`,
        {
          detail: { field: 'results' },
        },
      );
    }
  }
}

/** Results of a chain of tool messages, each the child of the one before. */
export function toolDrafts(assistant: Message, results: readonly ToolResult[]): Message[] {
  return results.map((r) =>
    draft(assistant.threadId, null, 'tool', r.content, { toolCallId: r.toolCallId, name: r.name }),
  );
}

export function insertToolResults(
  threads: ThreadsPort,
  assistant: Message,
  results: readonly ToolResult[],
): Message[] {
  const inserted: Message[] = [];
  let parentId = assistant.id;
  for (const r of results) {
    const message = threads.insertMessage({
      threadId: assistant.threadId,
      parentId,
      role: 'tool',
      content: r.content,
      toolCallId: r.toolCallId,
      name: r.name,
    });
    inserted.push(message);
    parentId = message.id;
  }
  return inserted;
}

/** Canned mode answers only when every call has a canned result; otherwise the user answers. */
export function cannedResults(assistant: Message, tools: readonly ToolDef[]): ToolResult[] | null {
  const calls = assistant.toolCalls ?? [];
  if (calls.length === 0) return null;
  const results: ToolResult[] = [];
  for (const call of calls) {
    const tool = tools.find((t) => t.name === call.function.name);
    if (!tool || tool.cannedResult === null) return null;
    results.push({ toolCallId: call.id, name: call.function.name, content: tool.cannedResult });
  }
  return results;
}

/**
 * The nudge for continuing a cut-off answer. OpenAI-compatible APIs treat a trailing assistant
 * message as a finished turn (only a few accept a "prefix" flag), so the portable way is the
 * partial answer as an assistant turn followed by this user turn, which is never stored.
 */
export const CONTINUE_PROMPT =
  'Your previous answer was cut off. Continue it exactly where it stopped, without repeating anything and without any preamble.';
