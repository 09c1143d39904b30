import type { Capabilities, ChatParams, Message, ToolDef } from '../../contract';
import { AppFailure } from '../../contract';
import type { AttachmentParts, WireMessage } from './messages';
import { wireMessages } from './messages';
import { checkRequestSize, validateParams } from './validate';

export interface RequestInput {
  model: string;
  systemPrompt: string;
  params: unknown;
  /** The active branch, root to leaf, ending with the turn to answer. */
  path: readonly Message[];
  tools: readonly ToolDef[];
  capabilities: Capabilities;
  /** Turns appended after the path and never stored (the "continue" nudge). */
  trailing?: readonly WireMessage[];
  /** Content parts of user messages' attachments, for this model. */
  attachmentParts?: AttachmentParts;
}

export interface BuiltRequest {
  body: Record<string, unknown>;
  /** Serialized once: exactly these bytes are sent and stored. */
  bytes: string;
  /** Fields set in the panel but not sent because the model lacks the capability. */
  droppedFields: string[];
  stream: boolean;
  /** Choices requested (`n`, default 1). */
  choices: number;
  messages: WireMessage[];
}

/** Simple fields copied as they are, in the order they appear on the wire. */
const PLAIN = [
  'max_tokens',
  'temperature',
  'top_p',
  'n',
  'stream',
  'stop',
  'presence_penalty',
  'frequency_penalty',
  'user',
  'seed',
  'logit_bias',
] as const;

/** The provider's message layer is never overridable through free-form fields. */
const PROTECTED = new Set(['model', 'messages']);

function toolsPart(
  params: ChatParams,
  tools: readonly ToolDef[],
  caps: Capabilities,
  body: Record<string, unknown>,
  dropped: string[],
): void {
  const setTool = params.tool_choice !== undefined || params.parallel_tool_calls !== undefined;
  if (!caps.tools) {
    if (tools.length > 0) dropped.push('tools');
    if (params.tool_choice !== undefined) dropped.push('tool_choice');
    if (params.parallel_tool_calls !== undefined) dropped.push('parallel_tool_calls');
    return;
  }
  if (tools.length === 0) {
    // tool_choice without tools is refused by OpenAI-compatible APIs.
    if (setTool) {
      if (params.tool_choice !== undefined) dropped.push('tool_choice');
      if (params.parallel_tool_calls !== undefined) dropped.push('parallel_tool_calls');
    }
    return;
  }
  body.tools = tools.map((t) => ({
    type: 'function',
    function: t.description
      ? { name: t.name, description: t.description, parameters: t.parameters }
      : { name: t.name, parameters: t.parameters },
  }));
  if (params.tool_choice !== undefined) body.tool_choice = params.tool_choice;
  if (params.parallel_tool_calls !== undefined) body.parallel_tool_calls = params.parallel_tool_calls;
}

function capabilityPart(
  params: ChatParams,
  caps: Capabilities,
  body: Record<string, unknown>,
  dropped: string[],
): void {
  if (params.logprobs !== undefined) {
    if (caps.logprobs) body.logprobs = params.logprobs;
    else dropped.push('logprobs');
  }
  if (params.top_logprobs !== undefined) {
    if (caps.logprobs) body.top_logprobs = params.top_logprobs;
    else dropped.push('top_logprobs');
  }
  const format = params.response_format;
  if (format !== undefined) {
    if (format.type === 'json_schema' && !caps.jsonSchema) dropped.push('response_format');
    else body.response_format = format;
  }
}

/** Thread settings + active path + tools → the exact request, validated, with only what the model supports. */
export function buildRequest(input: RequestInput): BuiltRequest {
  if (input.model.trim() === '') {
    throw new AppFailure('invalid_request', 'model: choose a model for this thread first', {
      detail: { field: 'model' },
    });
  }
  const params = validateParams(input.params, input.tools);
  const messages = [
    ...wireMessages(input.systemPrompt, input.path, input.attachmentParts),
    ...(input.trailing ?? []),
  ];
  checkRequestSize(input.systemPrompt, messages);
  if (messages.length === 0) {
    throw new AppFailure('invalid_request', 'messages: there is nothing to send yet', {
      detail: { field: 'messages' },
    });
  }
  const body: Record<string, unknown> = { model: input.model, messages };
  const dropped: string[] = [];
  for (const key of PLAIN) {
    const value = params[key];
    if (value !== undefined) body[key] = value;
  }
  if (params.stream === true && params.include_usage !== undefined)
    body.stream_options = { include_usage: params.include_usage };
  toolsPart(params, input.tools, input.capabilities, body, dropped);
  capabilityPart(params, input.capabilities, body, dropped);
  for (const [key, value] of Object.entries(params.extra_body ?? {})) {
    if (PROTECTED.has(key)) dropped.push(`extra_body.${key}`);
    else if (value !== undefined) body[key] = value;
  }
  // Free-form fields may switch streaming or n on, so both are read back from the final body.
  const choices = typeof body.n === 'number' && body.n >= 1 ? body.n : 1;
  return {
    body,
    bytes: JSON.stringify(body),
    droppedFields: dropped,
    stream: body.stream === true,
    choices,
    messages,
  };
}
