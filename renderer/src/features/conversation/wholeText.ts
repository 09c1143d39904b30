import type { AppError, OpenedMessage, Result } from '../../../../main/contract';
import { api } from '../../bridge/api';
import { failureLine } from '../../platform/describeError';
import { copyText } from '../../platform/files';
import { useStore } from '../../store';

/**
 * Pages asked for when reading the rest of a huge message. Over the test bridge each page is
 * parsed on the UI thread: a quarter megabyte parses in a few milliseconds, well within a frame.
 */
const PAGE = 262_144;

/** The window holds only the beginning of this message (`threads:get` clips huge ones). */
export function isClipped(message: Pick<OpenedMessage, 'content' | 'contentLength'>): boolean {
  return message.contentLength !== undefined && message.contentLength > message.content.length;
}

/** The message's whole length, whether or not the window holds all of it. */
export const wholeLength = (message: Pick<OpenedMessage, 'content' | 'contentLength'>): number =>
  Math.max(message.content.length, message.contentLength ?? 0);

const changed: AppError = {
  code: 'not_found',
  message: 'This message changed while it was being read: open it again.',
};

/**
 * A message's whole text: what the window holds, then the rest from main a page at a time, so
 * Copy, Edit and "Show all" work on every character however little was sent when it opened.
 */
export async function wholeText(
  message: Pick<OpenedMessage, 'id' | 'content' | 'contentLength'>,
): Promise<Result<string>> {
  if (!isClipped(message)) return { ok: true, value: message.content };
  const pages = [message.content];
  let offset = message.content.length;
  let total = wholeLength(message);
  while (offset < total) {
    const page = await api.messages.content({ id: message.id, offset, limit: PAGE });
    if (!page.ok) return page;
    // Edited or deleted meanwhile: a page of another text must not be glued onto this one.
    if (page.value.total !== total || page.value.text === '') return { ok: false, error: changed };
    pages.push(page.value.text);
    offset += page.value.text.length;
    total = page.value.total;
  }
  return { ok: true, value: pages.join('') };
}

/** Copies a message's whole text (read first when the window holds only its beginning). */
export async function copyWhole(
  message: Pick<OpenedMessage, 'id' | 'content' | 'contentLength'>,
): Promise<boolean> {
  const whole = await wholeText(message);
  if (whole.ok) return copyText(whole.value);
  useStore.getState().toast('error', `Could not copy: ${failureLine(whole.error)}`);
  return false;
}
