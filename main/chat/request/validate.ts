import type { ChatParams, NumberParam, ToolDef } from '../../contract';
import {
  AppFailure,
  ChatParams as ChatParamsSchema,
  LOGIT_BIAS_RANGE,
  MESSAGE_MAX_CHARS,
  NUMBER_PARAMS,
  STOP_SEQUENCES,
  describeRange,
  rangeOf,
} from '../../contract';

/** The rules that are not numeric ranges, worded for a person reading the parameter panel. */
const WORDED: Record<string, string> = {
  stop: `stop must be a string or a list of ${STOP_SEQUENCES.min} to ${STOP_SEQUENCES.max} strings`,
  logit_bias: `logit_bias maps token ids (digits) to a bias between ${LOGIT_BIAS_RANGE.min} and ${LOGIT_BIAS_RANGE.max}`,
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

/** The documented rule for `field`; numeric ranges come from the contract's one declaration. */
function ruleFor(field: string): string | undefined {
  if (!(NUMBER_PARAMS as readonly string[]).includes(field)) return WORDED[field];
  const key = field as NumberParam;
  const rule = `${key} must be ${describeRange(rangeOf(key))}`;
  return key === 'top_logprobs' ? `${rule} and needs logprobs turned on` : rule;
}

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
    const rule = ruleFor(field) ?? `${field}: ${first?.message ?? 'invalid value'}`;
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
  messages: readonly { role: string; content: string | null | readonly unknown[] }[],
): void {
  if (systemPrompt.length > REQUEST_LIMITS.systemPromptChars) {
    fail(
      'systemPrompt',
      `The system prompt is ${chars(systemPrompt.length)} long; the limit is ${chars(REQUEST_LIMITS.systemPromptChars)}. Shorten it in the thread settings.`,
    );
  }
  messages.forEach((message, index) => {
    // Parts (attachments) are bounded by the attachments preflight, in bytes and tokens.
    const length = typeof message.content === 'string' ? message.content.length : 0;
    if (message.role !== 'system' && length > REQUEST_LIMITS.messageChars) {
      fail(
        `messages.${index}`,
        `A ${message.role} message in this thread is ${chars(length)} long; the limit for one message is ${chars(REQUEST_LIMITS.messageChars)}. Split it or attach less text.`,
      );
    }
  });
}
