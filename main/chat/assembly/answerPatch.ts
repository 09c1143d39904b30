import type { AppError, Message, MessageStatus, ResponseMeta, Usage } from '../../contract';
import { choiceUsage } from './accounting';
import type { FailureContext } from './failures';
import { emptyAnswer } from './failures';
import type { MessagePatch, ThreadsPort } from '../ports';
import type { AssembledChoice } from './shapes';

/** What an attempt's ending says about every answer it wrote. */
export interface Ending {
  continues: boolean;
  status: MessageStatus;
  failure: AppError | null;
  usage: Usage | null;
  usageId: string | null;
  meta: ResponseMeta;
  /** How many answers were received (they share the request's usage). */
  answers: number;
  context: FailureContext;
  now: number;
}

export const joined = (before: string | null, after: string | null): string | null =>
  before && after ? before + after : (before ?? after);

/**
 * The final write of one answer: what its choice brought (after what it had, when continuing).
 * An answer that finished with nothing to read is never silently complete: it is an empty answer.
 */
export function answerPatch(
  message: Message,
  choice: AssembledChoice | undefined,
  position: number,
  end: Ending,
): MessagePatch {
  const content = choice?.content || (choice?.refusal ?? '');
  const patch: MessagePatch = {
    content: end.continues ? message.content + content : content,
    reasoning: end.continues
      ? joined(message.reasoning, choice?.reasoning ?? null)
      : (choice?.reasoning ?? null),
    toolCalls: choice?.toolCalls ?? null,
    logprobs:
      end.continues && message.logprobs
        ? [...message.logprobs, ...(choice?.logprobs ?? [])]
        : (choice?.logprobs ?? null),
    finishReason: choice?.finishReason ?? null,
    status: end.status,
    errorCode: end.failure?.code ?? null,
    errorMessage: end.failure?.message ?? null,
    usage: choiceUsage(end.usage, choice, position, end.answers),
    usageId: end.usageId,
    meta: end.meta,
    updatedAt: end.now,
  };
  if (end.status === 'complete' && patch.content === '' && !patch.reasoning && !patch.toolCalls) {
    const empty = emptyAnswer(end.context, patch.finishReason ?? null);
    return { ...patch, status: 'error', errorCode: empty.code, errorMessage: empty.message };
  }
  return patch;
}

/**
 * A provider may send fewer choices than `n`: the answers of those that came are kept, the
 * placeholders of the others deleted. A continued answer is always kept.
 */
export function keepReceived(
  threads: ThreadsPort,
  messages: readonly Message[],
  indices: readonly number[],
  continues: boolean,
): Message[] {
  if (continues || indices.length === 0) return [...messages];
  const kept: Message[] = [];
  messages.forEach((message, index) => {
    if (indices.includes(index)) kept.push(message);
    else {
      try {
        threads.deleteMessage(message.id);
      } catch {
        // Already gone with its thread.
      }
    }
  });
  return kept;
}
