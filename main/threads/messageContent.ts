import { isAscii } from 'node:buffer';
import { MESSAGE_PREVIEW_CHARS } from '../contract';
import type { Message, OpenedMessage, ThreadDetail } from '../contract';

/** The first `max` UTF-16 units of `text`, one fewer when the cut would split a surrogate pair. */
export function clipContent(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/**
 * A finished message longer than the preview goes to the window as its beginning and its whole
 * length (issue 12: a 5 MB answer carried whole was parsed on the UI thread before any paint).
 * A streaming one is sent whole: the window appends its live text to what it holds.
 */
export function clipMessage(message: OpenedMessage, max = MESSAGE_PREVIEW_CHARS): OpenedMessage {
  if (message.status === 'streaming' || message.content.length <= max) return message;
  return {
    ...message,
    content: clipContent(message.content, max),
    contentLength: message.contentLength ?? message.content.length,
  };
}

/**
 * The length in UTF-16 units (JavaScript's `length`) of a text stored as UTF-8, without decoding
 * it: one unit per character, two for those a 4-byte sequence holds (emoji and other astral
 * characters). Continuation bytes (10xxxxxx) start no character.
 */
export function utf16Length(bytes: Uint8Array): number {
  if (isAscii(bytes)) return bytes.length;
  let units = 0;
  for (const byte of bytes) if (byte < 0x80 || byte >= 0xc0) units += byte >= 0xf0 ? 2 : 1;
  return units;
}

export function clipDetail(
  detail: ThreadDetail,
  forWindow: (message: Message) => Message = (m) => m,
): ThreadDetail {
  return { ...detail, messages: detail.messages.map((m) => clipMessage(forWindow(m))) };
}

/** How long a message read for paging is kept: a reader asks for its pages one after another. */
const KEEP_MS = 10_000;

interface ContentSource {
  getMessage(id: string): Message;
  messageVersion(id: string): string | null;
}

/**
 * Pages of one message's text. Reading a 5 MB row and decoding it costs main 75–300 ms, so the
 * text read for the first page is kept for the pages after it: only the last message read, for a
 * few seconds, and only while its version (change time and size) is unchanged, so a page never
 * mixes two versions of a text.
 */
export function contentPager(source: ContentSource, now: () => number = Date.now) {
  let kept: { id: string; version: string; content: string; at: number } | null = null;
  return (id: string, offset: number, limit: number): { text: string; total: number } => {
    const version = source.messageVersion(id);
    if (!kept || kept.id !== id || kept.version !== version || now() - kept.at > KEEP_MS) {
      kept = null;
      const message = source.getMessage(id);
      kept = { id, version: source.messageVersion(id) ?? '', content: message.content, at: now() };
    }
    kept.at = now();
    const { content } = kept;
    // The last page read: nothing more will be asked for, so the text is not held any longer.
    if (offset + limit >= content.length) kept = null;
    return { text: content.slice(offset, offset + limit), total: content.length };
  };
}
