import type { ServerResponse } from 'node:http';
import { isRecord, sendOpenAiError } from './http';
import type { ScriptReply } from './types';

/**
 * Content parts (images, files, text) in the last user message, and the request-size limit.
 * With no scripted reply, the mock answers with what it received, so a test (or a person trying
 * the demo) sees the parts arrived: their count, types and sizes.
 */

/** Like OpenAI's gateway, which refuses bodies past its limit before reading them. */
export const DEFAULT_REQUEST_LIMIT_BYTES = 20 * 1024 * 1024;

const DATA_URL = /^data:([^;,]+)(?:;[^,]*)?;base64,/;

/** Bytes a base64 data URL decodes to. */
function dataBytes(url: string): { mime: string; bytes: number } | null {
  const match = DATA_URL.exec(url);
  if (!match) return null;
  const payload = url.length - match[0].length;
  const padding = url.endsWith('==') ? 2 : url.endsWith('=') ? 1 : 0;
  return { mime: match[1] ?? '?', bytes: Math.floor((payload * 3) / 4) - padding };
}

function describePart(part: unknown): string {
  if (!isRecord(part)) return 'a part that is not an object';
  if (part.type === 'text' && typeof part.text === 'string') return `text (${part.text.length} characters)`;
  if (part.type === 'image_url' && isRecord(part.image_url) && typeof part.image_url.url === 'string') {
    const data = dataBytes(part.image_url.url);
    const detail = typeof part.image_url.detail === 'string' ? `, detail ${part.image_url.detail}` : '';
    return data ? `image_url (${data.mime}, ${data.bytes} bytes${detail})` : `image_url (a link${detail})`;
  }
  if (part.type === 'file' && isRecord(part.file)) {
    const name = typeof part.file.filename === 'string' ? part.file.filename : 'unnamed';
    const data = typeof part.file.file_data === 'string' ? dataBytes(part.file.file_data) : null;
    return `file (${name}, ${data ? `${data.mime}, ${data.bytes} bytes` : 'no data'})`;
  }
  return `${typeof part.type === 'string' ? part.type : 'unknown'} part`;
}

/** "Received 3 parts: …" for the last user message when its content is a list of parts. */
export function describeContentParts(body: unknown): string | null {
  if (!isRecord(body) || !Array.isArray(body.messages)) return null;
  const users = body.messages.filter((m) => isRecord(m) && m.role === 'user');
  const last: unknown = users[users.length - 1];
  if (!isRecord(last) || !Array.isArray(last.content)) return null;
  const parts: unknown[] = last.content;
  return `Received ${parts.length} part${parts.length === 1 ? '' : 's'}: ${parts.map(describePart).join('; ')}.`;
}

/** The reply for an unscripted request with parts: the description, unless a step says otherwise. */
export function partsReply(reply: ScriptReply | undefined, body: unknown): ScriptReply | undefined {
  if (reply) return reply;
  const described = describeContentParts(body);
  return described ? { content: described } : undefined;
}

/** 413 when the body is over the limit: true when it answered. */
export function refuseTooLarge(res: ServerResponse, bodyBytes: number, limit: number): boolean {
  if (bodyBytes <= limit) return false;
  sendOpenAiError(
    res,
    413,
    `Request too large: ${bodyBytes} bytes; the limit is ${limit} bytes.`,
    'invalid_request_error',
    'request_too_large',
  );
  return true;
}
