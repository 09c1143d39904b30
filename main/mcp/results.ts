import type { McpContent } from '../contract';
import type { RawCallResult } from './connection';

/** A result larger than this (as JSON) is refused whole: nothing of it is stored or sent on. */
export const RESULT_MAX_CHARS = 8 * 1024 * 1024;
/** What the model reads of a result at most. */
export const MODEL_TEXT_MAX_CHARS = 100_000;
/** What the conversation shows before "show all". */
export const SHOWN_TEXT_MAX_CHARS = 4_000;
const SHOWN_IMAGE_MAX_CHARS = 2 * 1024 * 1024;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The result's content items in the app's shapes; anything unknown is kept as its JSON. */
export function contentOf(result: RawCallResult): McpContent[] {
  return (result.content ?? []).map((item): McpContent => {
    const o = (item ?? {}) as Record<string, unknown>;
    if (o.type === 'text' && str(o.text) !== null) return { type: 'text', text: o.text as string };
    if (o.type === 'image' && str(o.data) !== null)
      return { type: 'image', mimeType: str(o.mimeType) ?? 'image/png', data: o.data as string };
    if (o.type === 'resource' && o.resource && typeof o.resource === 'object') {
      const r = o.resource as Record<string, unknown>;
      return {
        type: 'resource',
        uri: str(r.uri) ?? '',
        mimeType: str(r.mimeType),
        text: str(r.text) ?? (str(r.blob) !== null ? `(${(r.blob as string).length} base64 characters)` : ''),
      };
    }
    if (o.type === 'resource_link')
      return { type: 'resource', uri: str(o.uri) ?? '', mimeType: str(o.mimeType), text: '' };
    return { type: 'other', text: JSON.stringify(item) };
  });
}

const cut = (text: string, max: number): string =>
  text.length > max ? `${text.slice(0, max)}\n[… ${text.length - max} more characters cut]` : text;

/** What goes back to the model as the tool message's content. */
export function modelText(result: RawCallResult): string {
  const parts = contentOf(result).map((c) => {
    switch (c.type) {
      case 'text':
        return c.text;
      case 'image':
        return `[image ${c.mimeType}, ${Math.round((c.data.length * 3) / 4)} bytes, shown to the user]`;
      case 'resource':
        return c.text !== '' ? `[resource ${c.uri}]\n${c.text}` : `[resource ${c.uri}]`;
      case 'other':
        return c.text;
    }
  });
  if (parts.length === 0 && result.structuredContent !== undefined)
    parts.push(JSON.stringify(result.structuredContent));
  const text = parts.join('\n');
  return cut(result.isError ? `The tool reported an error: ${text}` : text, MODEL_TEXT_MAX_CHARS);
}

/** The display copy: long texts and big images cut unless the user asked for all of it. */
export function shownContent(
  content: McpContent[],
  full: boolean,
): { content: McpContent[]; truncated: boolean } {
  if (full) return { content, truncated: false };
  let truncated = false;
  const shown = content.map((c): McpContent => {
    if (
      (c.type === 'text' || c.type === 'other' || c.type === 'resource') &&
      c.text.length > SHOWN_TEXT_MAX_CHARS
    ) {
      truncated = true;
      return { ...c, text: c.text.slice(0, SHOWN_TEXT_MAX_CHARS) };
    }
    if (c.type === 'image' && c.data.length > SHOWN_IMAGE_MAX_CHARS) {
      truncated = true;
      return { type: 'other', text: `(an image of ${c.data.length} base64 characters: show all to see it)` };
    }
    return c;
  });
  return { content: shown, truncated };
}
