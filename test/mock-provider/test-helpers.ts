/** Small helpers for the mock provider's own tests: raw SSE reading and typed JSON access. */

export interface SseRead {
  raw: string;
  /** `data:` payloads in order, `[DONE]` included. */
  data: string[];
  comments: string[];
}

export function parseSse(raw: string): SseRead {
  const data: string[] = [];
  const comments: string[] = [];
  for (const block of raw.split(/\r?\n\r?\n/)) {
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith('data: ')) data.push(line.slice(6));
      else if (line.startsWith(':')) comments.push(line.slice(1).trim());
    }
  }
  return { raw, data, comments };
}

export async function readSse(res: Response): Promise<SseRead> {
  return parseSse(await res.text());
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Walks a parsed JSON value by keys and indexes; throws with the path when it is not there. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof key === 'number' && Array.isArray(current)) current = current[key];
    else if (typeof key === 'string' && isObject(current)) current = current[key];
    else throw new Error(`no ${path.join('.')} in ${JSON.stringify(value).slice(0, 200)}`);
  }
  return current;
}

export function list(value: unknown, ...path: (string | number)[]): unknown[] {
  const found = at(value, ...path);
  if (!Array.isArray(found)) throw new Error(`${path.join('.')} is not an array`);
  return found;
}

export function str(value: unknown, ...path: (string | number)[]): string {
  const found = at(value, ...path);
  if (typeof found !== 'string') throw new Error(`${path.join('.')} is not a string`);
  return found;
}

export interface StreamedChoice {
  content: string;
  reasoning: string;
  toolCalls: { id: string; name: string; arguments: string }[];
  finishReason: string | null;
}

/** Folds chunk payloads into per-choice results, the way a client assembler would. */
export function assemble(data: readonly string[]): Map<number, StreamedChoice> {
  const choices = new Map<number, StreamedChoice>();
  for (const payload of data) {
    if (payload === '[DONE]') continue;
    const chunk: unknown = JSON.parse(payload);
    for (const choice of list(chunk, 'choices')) {
      const index = Number(at(choice, 'index'));
      const acc = choices.get(index) ?? { content: '', reasoning: '', toolCalls: [], finishReason: null };
      const delta = at(choice, 'delta');
      if (isObject(delta)) {
        if (typeof delta.content === 'string') acc.content += delta.content;
        if (typeof delta.reasoning_content === 'string') acc.reasoning += delta.reasoning_content;
        for (const call of Array.isArray(delta.tool_calls) ? delta.tool_calls : []) {
          const i = Number(at(call, 'index'));
          const slot = acc.toolCalls[i] ?? { id: '', name: '', arguments: '' };
          const fn = at(call, 'function');
          if (isObject(call) && typeof call.id === 'string') slot.id = call.id;
          if (isObject(fn) && typeof fn.name === 'string') slot.name = fn.name;
          if (isObject(fn) && typeof fn.arguments === 'string') slot.arguments += fn.arguments;
          acc.toolCalls[i] = slot;
        }
      }
      const finish = at(choice, 'finish_reason');
      if (typeof finish === 'string') acc.finishReason = finish;
      choices.set(index, acc);
    }
  }
  return choices;
}
