import type { ChoiceState } from './choiceState';
import { isRec, str } from './shapes';

/**
 * `content` as an array of parts, streamed or whole: `[{type:"thinking",…},{type:"text",…}]`.
 * Text parts join the answer, thinking parts the reasoning, refusals the refusal. A part of a
 * type we do not know is kept in the answer as its raw JSON, so nothing the provider sent is
 * silently lost and the user can see what it was.
 */

const TEXT_TYPES = new Set(['text', 'output_text', 'input_text']);
const THINKING_TYPES = new Set(['thinking', 'reasoning', 'reasoning_text', 'redacted_thinking']);

/** `"…"`, or `[{type:"text", text:"…"}, …]` as Mistral nests its thinking. */
function partText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value)) return null;
  let out = '';
  for (const item of value as unknown[]) {
    if (typeof item === 'string') out += item;
    else if (isRec(item)) out += str(item.text) ?? '';
  }
  return out;
}

/** How an unknown part is shown: a fenced block of its JSON, on lines of its own. */
export const rawPart = (part: unknown): string => `\n\n\`\`\`json\n${JSON.stringify(part)}\n\`\`\`\n\n`;

/** Applies one `content` array to a choice; true when anything readable arrived. */
export function applyParts(state: ChoiceState, parts: readonly unknown[]): boolean {
  let changed = false;
  for (const part of parts) {
    if (typeof part === 'string') {
      if (part !== '') {
        state.content.push(part);
        changed = true;
      }
      continue;
    }
    if (!isRec(part)) continue;
    const type = str(part.type);
    if (type === null ? typeof part.text === 'string' : TEXT_TYPES.has(type)) {
      const text = str(part.text) ?? '';
      if (text !== '') {
        state.content.push(text);
        changed = true;
      }
    } else if (type !== null && THINKING_TYPES.has(type)) {
      const thought = partText(part.thinking) ?? partText(part.text) ?? partText(part.reasoning) ?? '';
      // A signature-only thinking part (Anthropic's closing block) carries nothing to read.
      if (thought !== '') {
        state.reasoning.push(thought);
        changed = true;
      }
    } else if (type === 'refusal') {
      const refusal = str(part.refusal) ?? str(part.text) ?? '';
      if (refusal !== '') {
        state.refusal += refusal;
        changed = true;
      }
    } else {
      state.content.push(rawPart(part));
      changed = true;
    }
  }
  return changed;
}
