import type { Message, ResponseFormat } from '../../../../main/contract/chat';
import { ResponseFormat as ResponseFormatSchema } from '../../../../main/contract/chat';

/**
 * What an answer's request asked for, read from the exact bytes stored with it. Verdicts about
 * the answer (the structured-output badge) use this, never the thread's settings as they are
 * now, so changing the thread later leaves earlier verdicts as they were.
 */
export interface SentRequest {
  /** The response_format that went out; null when none was sent (plain text). */
  responseFormat: ResponseFormat | null;
}

/** Parsed request bodies by their text: a streaming answer re-renders per delta, the body never changes. */
const cache = new Map<string, SentRequest | null>();
const CACHE_SIZE = 64;

/** Reads what was sent from a stored request body; null when there is none to read. */
export function readSentRequest(body: string | null | undefined): SentRequest | null {
  if (!body) return null;
  const hit = cache.get(body);
  if (hit !== undefined) return hit;
  let sent: SentRequest | null = null;
  try {
    const parsed = JSON.parse(body) as unknown;
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const format = ResponseFormatSchema.safeParse((parsed as Record<string, unknown>).response_format);
      sent = { responseFormat: format.success ? format.data : null };
    }
  } catch {
    sent = null;
  }
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
  cache.set(body, sent);
  return sent;
}

/** The response_format an answer was asked for: what its stored request sent. */
export const sentFormat = (message: Pick<Message, 'meta'>): ResponseFormat | null =>
  readSentRequest(message.meta?.requestBody)?.responseFormat ?? null;
