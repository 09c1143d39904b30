import type { Message, Thread, ToolCall } from '../contract';

const ROLE_HEADINGS: Record<Message['role'], string> = {
  system: 'System',
  user: 'User',
  assistant: 'Assistant',
  tool: 'Tool',
};

/** A fence longer than any backtick run inside, so code in the text cannot close it. */
function fence(text: string, info = ''): string {
  const longest = Math.max(0, ...Array.from(text.matchAll(/`+/gu), (m) => m[0].length));
  const ticks = '`'.repeat(Math.max(3, longest + 1));
  return `${ticks}${info}\n${text}\n${ticks}`;
}

function toolCallBlock(call: ToolCall): string {
  let args: unknown = call.function.arguments;
  try {
    args = JSON.parse(call.function.arguments);
  } catch {
    // Models sometimes emit arguments that are not JSON; show them as the string they are.
  }
  return fence(JSON.stringify({ id: call.id, name: call.function.name, arguments: args }, null, 2), 'json');
}

function heading(message: Message): string {
  const parts = [ROLE_HEADINGS[message.role]];
  if (message.role === 'assistant' && message.model) parts.push(message.model);
  if (message.role === 'tool' && message.name) parts.push(message.name);
  return `## ${parts.join(' · ')}`;
}

function statusNote(message: Message): string | null {
  if (message.status === 'interrupted')
    return `*Interrupted${message.errorMessage ? `: ${message.errorMessage}` : ''}*`;
  if (message.status === 'error') return `*Failed${message.errorMessage ? `: ${message.errorMessage}` : ''}*`;
  return null;
}

function messageBlock(message: Message): string {
  const blocks = [heading(message)];
  if (message.reasoning) {
    const reasoning = message.reasoning.replaceAll('</details>', '&lt;/details>');
    blocks.push(`<details>\n<summary>Reasoning</summary>\n\n${reasoning}\n\n</details>`);
  }
  if (message.content !== '') blocks.push(message.content);
  for (const call of message.toolCalls ?? []) blocks.push(toolCallBlock(call));
  const note = statusNote(message);
  if (note) blocks.push(note);
  return blocks.join('\n\n');
}

/** The active branch as Markdown: roles as headings, tool calls as JSON, reasoning folded away. */
export function threadToMarkdown(thread: Thread, path: readonly Message[], exportedAt: number): string {
  const model = [thread.settings.model, new Date(exportedAt).toISOString().slice(0, 10)]
    .filter(Boolean)
    .join(' · ');
  const blocks = [`# ${thread.title}`, `*Exported from LLM Desk · ${model}*`];
  if (thread.settings.systemPrompt !== '') blocks.push(`## System\n\n${thread.settings.systemPrompt}`);
  for (const message of path) blocks.push(messageBlock(message));
  return `${blocks.join('\n\n')}\n`;
}
