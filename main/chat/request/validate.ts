import type { ChatParams, ToolDef } from '../../contract';
import { AppFailure, ChatParams as ChatParamsSchema, MESSAGE_MAX_CHARS } from '../../contract';

/** The documented ranges, worded for a person reading the parameter panel. */
const RULES: Record<string, string> = {
  max_tokens: 'max_tokens must be a whole number of at least 1',
  temperature: 'temperature must be between 0 and 2',
  top_p: 'top_p must be between 0 and 1',
  n: 'n must be a whole number from 1 to 128',
  stop: 'stop must be a string or a list of 1 to 4 strings',
  presence_penalty: 'presence_penalty must be between -2 and 2',
  frequency_penalty: 'frequency_penalty must be between -2 and 2',
  seed: 'seed must be a whole number',
  top_logprobs: 'top_logprobs must be a whole number from 0 to 20 and needs logprobs turned on',
  logit_bias: 'logit_bias maps token ids (digits) to a bias between -100 and 100',
  tool_choice: 'tool_choice must be none, auto, required or a named function',
  response_format:
    'response_format must be text, json_object or json_schema with a name of 1–64 letters, digits, _ or -',
  user: 'user must be a string',
  logprobs: 'logprobs must be true or false',
  stream: 'stream must be true or false',
  include_usage: 'include_usage must be true or false',
  parallel_tool_calls: 'parallel_tool_calls must be true or false',
  extra_body: 'extra_body must be a JSON object',
};

function fail(field: string, message: string, issues: { path: string; message: string }[] = []): never {
  throw new AppFailure('invalid_request', message, {
    detail: { field, issues: issues.length > 0 ? issues : undefined },
  });
}

const describe = (value: unknown): string => {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}…` : text;
  } catch {
    return String(value);
  }
};

/** Parses the parameter panel; a failure names the first offending field and its documented range. */
export function validateParams(params: unknown, tools: readonly ToolDef[]): ChatParams {
  const parsed = ChatParamsSchema.safeParse(params ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: i.path.map(String).join('.'),
      message: i.message,
    }));
    const first = parsed.error.issues[0];
    const field = first?.path[0] === undefined ? 'params' : String(first.path[0]);
    const got =
      params !== null && typeof params === 'object' && field in params
        ? (params as Record<string, unknown>)[field]
        : undefined;
    const rule = RULES[field] ?? `${field}: ${first?.message ?? 'invalid value'}`;
    fail(field, got === undefined ? rule : `${rule} (got ${describe(got)})`, issues);
  }
  const value = parsed.data;
  const choice = value.tool_choice;
  if (choice !== undefined && typeof choice === 'object' && tools.length > 0) {
    const name = choice.function.name;
    if (!tools.some((t) => t.name === name)) {
      fail('tool_choice', `tool_choice names the function ${name}, which is not among this thread's tools`);
    }
  }
  return value;
}

/**
 * What one request may carry from this side. Far above any real prompt (a million characters is
 * a book), far below what would stall the window, the database and the provider's gateway.
 */
export const REQUEST_LIMITS = {
  systemPromptChars: 1_000_000,
  messageChars: MESSAGE_MAX_CHARS,
} as const;

const chars = (n: number): string => `${n.toLocaleString('en-US')} characters`;

/** Refuses, before anything is stored or sent, a system prompt or message past its limit. */
export function checkRequestSize(
  systemPrompt: string,
  messages: readonly { role: string; content: string | null }[],
): void {
  if (systemPrompt.length > REQUEST_LIMITS.systemPromptChars) {
    fail(
      'systemPrompt',
      `The system prompt is ${chars(systemPrompt.length)} long; the limit is ${chars(REQUEST_LIMITS.systemPromptChars)}. Shorten it in the thread settings.`,
    );
  }
  messages.forEach((message, index) => {
    const length = message.content?.length ?? 0;
    if (message.role !== 'system' && length > REQUEST_LIMITS.messageChars) {
      fail(
        `messages.${index}`,
        `A ${message.role} message in this thread is ${chars(length)} long; the limit for one message is ${chars(REQUEST_LIMITS.messageChars)}. Split it or attach less text.`,
      );
    }
  });
}
