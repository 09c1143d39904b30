import { isRecord } from './http';

export interface ChatMessage {
  role: string;
  text: string;
  toolCallId: string | null;
  /** Calls an assistant message made, so a later tool result can be matched to its name. */
  toolCalls: { id: string; name: string }[];
}

export interface ToolDef {
  name: string;
  parameters: unknown;
}

export type ToolChoice = 'none' | 'auto' | 'required' | { name: string };

export type ResponseFormat =
  { kind: 'text' } | { kind: 'json_object' } | { kind: 'json_schema'; schema: unknown };

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  stream: boolean;
  includeUsage: boolean;
  n: number;
  tools: ToolDef[];
  toolChoice: ToolChoice;
  logprobs: boolean;
  topLogprobs: number;
  responseFormat: ResponseFormat;
  maxTokens: number | null;
}

export type ParseResult = { ok: true; request: ChatRequest } | { ok: false; message: string; param: string };

const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);

class RequestError extends Error {
  constructor(
    message: string,
    readonly param: string,
  ) {
    super(message);
  }
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part) => (isRecord(part) && typeof part.text === 'string' ? part.text : '')).join('');
}

function parseMessage(raw: unknown, index: number): ChatMessage {
  const param = `messages[${index}]`;
  if (!isRecord(raw)) throw new RequestError(`${param} must be an object`, param);
  if (typeof raw.role !== 'string' || !ROLES.has(raw.role)) {
    throw new RequestError(`${param}.role must be one of ${[...ROLES].join(', ')}`, `${param}.role`);
  }
  const toolCalls = Array.isArray(raw.tool_calls)
    ? raw.tool_calls.flatMap((call) => {
        if (!isRecord(call) || typeof call.id !== 'string' || !isRecord(call.function)) return [];
        const name = call.function.name;
        return typeof name === 'string' ? [{ id: call.id, name }] : [];
      })
    : [];
  return {
    role: raw.role,
    text: contentText(raw.content),
    toolCallId: typeof raw.tool_call_id === 'string' ? raw.tool_call_id : null,
    toolCalls,
  };
}

function parseTools(raw: unknown): ToolDef[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new RequestError('tools must be an array', 'tools');
  return raw.map((tool, i) => {
    const fn = isRecord(tool) ? tool.function : undefined;
    if (!isRecord(tool) || tool.type !== 'function' || !isRecord(fn) || typeof fn.name !== 'string') {
      throw new RequestError(
        `tools[${i}] must be {type: "function", function: {name, parameters}}`,
        `tools[${i}]`,
      );
    }
    return { name: fn.name, parameters: fn.parameters ?? { type: 'object', properties: {} } };
  });
}

function parseToolChoice(raw: unknown): ToolChoice {
  if (raw === undefined || raw === null) return 'auto';
  if (raw === 'none' || raw === 'auto' || raw === 'required') return raw;
  if (isRecord(raw) && isRecord(raw.function) && typeof raw.function.name === 'string') {
    return { name: raw.function.name };
  }
  throw new RequestError('tool_choice must be none, auto, required or a function', 'tool_choice');
}

function parseResponseFormat(raw: unknown): ResponseFormat {
  if (raw === undefined || raw === null) return { kind: 'text' };
  if (!isRecord(raw)) throw new RequestError('response_format must be an object', 'response_format');
  if (raw.type === 'text') return { kind: 'text' };
  if (raw.type === 'json_object') return { kind: 'json_object' };
  if (raw.type === 'json_schema' && isRecord(raw.json_schema) && typeof raw.json_schema.name === 'string') {
    return { kind: 'json_schema', schema: raw.json_schema.schema ?? {} };
  }
  throw new RequestError('response_format.type must be text, json_object or json_schema', 'response_format');
}

function optionalInt(raw: unknown, param: string, min: number, max: number): number | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < min || raw > max) {
    throw new RequestError(`${param} must be an integer from ${min} to ${max}`, param);
  }
  return raw;
}

function optionalBool(raw: unknown, param: string): boolean {
  if (raw === undefined || raw === null) return false;
  if (typeof raw !== 'boolean') throw new RequestError(`${param} must be a boolean`, param);
  return raw;
}

function parse(body: Record<string, unknown>): ChatRequest {
  if (typeof body.model !== 'string' || body.model === '')
    throw new RequestError('model is required', 'model');
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    throw new RequestError('messages must be a non-empty array', 'messages');
  }
  const streamOptions = body.stream_options;
  const stream = optionalBool(body.stream, 'stream');
  if (streamOptions !== undefined && streamOptions !== null && !stream) {
    throw new RequestError('stream_options is only allowed with stream: true', 'stream_options');
  }
  const logprobs = optionalBool(body.logprobs, 'logprobs');
  const topLogprobs = optionalInt(body.top_logprobs, 'top_logprobs', 0, 20);
  if (topLogprobs !== null && !logprobs) {
    throw new RequestError('top_logprobs requires logprobs: true', 'top_logprobs');
  }
  return {
    model: body.model,
    messages: body.messages.map(parseMessage),
    stream,
    includeUsage: isRecord(streamOptions) && streamOptions.include_usage === true,
    n: optionalInt(body.n, 'n', 1, 8) ?? 1,
    tools: parseTools(body.tools),
    toolChoice: parseToolChoice(body.tool_choice),
    logprobs,
    topLogprobs: topLogprobs ?? 0,
    responseFormat: parseResponseFormat(body.response_format),
    maxTokens: optionalInt(body.max_tokens ?? body.max_completion_tokens, 'max_tokens', 1, 1_000_000),
  };
}

export function parseChatRequest(value: unknown): ParseResult {
  if (!isRecord(value)) return { ok: false, message: 'request body must be a JSON object', param: '' };
  try {
    return { ok: true, request: parse(value) };
  } catch (error) {
    if (error instanceof RequestError) return { ok: false, message: error.message, param: error.param };
    throw error;
  }
}
