import type { ResponseMeta } from '../../../../main/contract/chat';
import { api } from '../../bridge/api';

/**
 * An answer's request body as the window holds it: a large one with its files' base64 elided by
 * main (`requestBodyElided`), so opening a thread with a 5 MB photo does not carry megabytes.
 * Copy and curl read the exact body from main only when pressed.
 */

/** The exact body's size in bytes, whether the window holds it whole or elided. */
export function requestBodyBytes(meta: ResponseMeta): number {
  return meta.requestBodyElided?.bytes ?? new TextEncoder().encode(meta.requestBody).length;
}

/** The exact body, byte for byte as sent: asked of main when the window holds it elided. */
export async function exactRequestBody(messageId: string, meta: ResponseMeta): Promise<string> {
  if (!meta.requestBodyElided) return meta.requestBody;
  const result = await api.attachments.requestBody({ messageId });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.body;
}
