import type { Message } from '../../contract';
import { AppFailure } from '../../contract';

export interface WireToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

/** A user message's attachments as content parts (main/attachments/parts.ts). */
export type UserPart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; image_url: { url: string; detail: 'auto' | 'low' | 'high' } }
  | { type: 'file'; file: { filename: string; file_data: string } };
export type AttachmentParts = (message: Message) => UserPart[];

export type WireMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string | UserPart[] }
  | { role: 'assistant'; content: string | null; tool_calls?: WireToolCall[] }
  | { role: 'tool'; content: string; tool_call_id: string; name?: string };

function assistantMessage(message: Message): WireMessage | null {
  const calls = message.toolCalls && message.toolCalls.length > 0 ? message.toolCalls : null;
  // A failed attempt leaves an empty assistant message in the tree; providers reject empty turns.
  if (message.content === '' && !calls) return null;
  if (!calls) return { role: 'assistant', content: message.content };
  return {
    role: 'assistant',
    content: message.content === '' ? null : message.content,
    tool_calls: calls.map((c) => ({
      id: c.id,
      type: 'function',
      function: { name: c.function.name, arguments: c.function.arguments },
    })),
  };
}

function toolMessage(message: Message): WireMessage {
  if (!message.toolCallId) {
    throw new AppFailure('invalid_request', 'messages: a tool result has no tool_call_id', {
      detail: { field: 'messages' },
    });
  }
  return message.name
    ? { role: 'tool', content: message.content, tool_call_id: message.toolCallId, name: message.name }
    : { role: 'tool', content: message.content, tool_call_id: message.toolCallId };
}

/** The system prompt first, then the active branch from root to leaf, in the provider's shape. */
export function wireMessages(
  systemPrompt: string,
  path: readonly Message[],
  attachmentParts?: AttachmentParts,
): WireMessage[] {
  const out: WireMessage[] = [];
  if (systemPrompt.trim() !== '') out.push({ role: 'system', content: systemPrompt });
  for (const message of path) {
    switch (message.role) {
      case 'system':
        out.push({ role: 'system', content: message.content });
        break;
      case 'user': {
        // With files the content becomes parts: the typed text first, then each file.
        const parts = message.attachments?.length && attachmentParts ? attachmentParts(message) : [];
        if (parts.length === 0) out.push({ role: 'user', content: message.content });
        else {
          const text: UserPart[] = message.content === '' ? [] : [{ type: 'text', text: message.content }];
          out.push({ role: 'user', content: [...text, ...parts] });
        }
        break;
      }
      case 'assistant': {
        const wire = assistantMessage(message);
        if (wire) out.push(wire);
        break;
      }
      case 'tool':
        out.push(toolMessage(message));
        break;
    }
  }
  return out;
}

/** Text of the prompt, for token estimates when the provider reports no usage. */
export function promptText(messages: readonly WireMessage[]): string {
  let text = '';
  for (const m of messages) {
    const content = Array.isArray(m.content)
      ? m.content.map((p) => (p.type === 'text' ? p.text : '')).join('\n')
      : (m.content ?? '');
    text += `${m.role}\n${content}\n`;
    if (m.role === 'assistant' && m.tool_calls) {
      for (const call of m.tool_calls) text += `${call.function.name}(${call.function.arguments})\n`;
    }
  }
  return text;
}
