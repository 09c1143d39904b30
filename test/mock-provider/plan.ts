import { randomBytes } from 'node:crypto';
import type { MockModel } from './catalog';
import type { ChatRequest, ToolDef } from './request';
import { valueFromSchema } from './schema-value';
import {
  defaultReasoning,
  defaultReply,
  estimateTokens,
  fillerPieces,
  hash,
  splitBySize,
  splitIntoCount,
  tokenize,
  toolResultReply,
} from './text';
import type { ScriptReply } from './types';

/** Everything a response will contain, decided before the first byte so stream and non-stream agree. */
export interface ToolCallPlan {
  id: string;
  name: string;
  argumentPieces: string[];
}

export interface ChoicePlan {
  index: number;
  reasoningPieces: string[];
  contentPieces: string[];
  toolCalls: ToolCallPlan[];
  finishReason: string | null;
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details: { cached_tokens: number };
  completion_tokens_details: { reasoning_tokens: number };
}

export interface CompletionPlan {
  id: string;
  created: number;
  model: string;
  systemFingerprint: string;
  choices: ChoicePlan[];
  logprobs: boolean;
  topLogprobs: number;
  usage: Usage;
}

interface Context {
  request: ChatRequest;
  model: MockModel;
  id: string;
  reply: ScriptReply | undefined;
}

function split(text: string, reply: ScriptReply | undefined): string[] {
  if (reply?.chunkSize !== undefined) return splitBySize(text, reply.chunkSize);
  if (reply?.chunks !== undefined) return splitIntoCount(text, reply.chunks);
  return tokenize(text);
}

function lastUserText(request: ChatRequest): string {
  const users = request.messages.filter((m) => m.role === 'user');
  return users[users.length - 1]?.text ?? '';
}

function selectTools(request: ChatRequest, text: string): ToolDef[] {
  const { tools, toolChoice } = request;
  const forced = typeof toolChoice === 'object' ? tools.find((t) => t.name === toolChoice.name) : undefined;
  const lower = text.toLowerCase();
  const named = tools.filter((t) => lower.includes(t.name.toLowerCase()));
  const ordered = [...new Set([...(forced ? [forced] : []), ...named, ...tools])];
  const first = ordered[0];
  if (!first) return [];
  if (!/\bparallel\b/i.test(text)) return [first];
  return [first, ordered[1] ?? first];
}

function toolCallPlans(ctx: Context, tools: readonly ToolDef[], choice: number): ToolCallPlan[] {
  return tools.map((tool, i) => ({
    id: `call_${hash(`${ctx.id}:${choice}:${i}`).toString(36)}${i}`,
    name: tool.name,
    argumentPieces: splitBySize(JSON.stringify(valueFromSchema(tool.parameters)), 8),
  }));
}

function shapedText(ctx: Context, text: string): string {
  const format = ctx.request.responseFormat;
  if (format.kind === 'json_schema' && ctx.model.capabilities.json_schema) {
    return JSON.stringify(valueFromSchema(format.schema));
  }
  if (format.kind === 'json_object') return JSON.stringify({ answer: text });
  return text;
}

function defaultChoice(ctx: Context, index: number): ChoicePlan {
  const { request, model, reply } = ctx;
  const userText = lastUserText(request);
  const last = request.messages[request.messages.length - 1];
  const reasoningPieces = model.capabilities.reasoning ? split(defaultReasoning(userText), reply) : [];
  const wantsTools = request.tools.length > 0 && request.toolChoice !== 'none' && last?.role === 'user';
  if (wantsTools) {
    const toolCalls = toolCallPlans(ctx, selectTools(request, userText), index);
    const finishReason = reply?.finishReason !== undefined ? reply.finishReason : 'tool_calls';
    return { index, reasoningPieces, contentPieces: [], toolCalls, finishReason };
  }
  let text: string;
  if (last?.role === 'tool') {
    const call = request.messages.flatMap((m) => m.toolCalls).find((c) => c.id === last.toolCallId);
    text = toolResultReply(call?.name ?? 'tool', last.text);
  } else {
    text = defaultReply(userText, model.id, index);
  }
  let contentPieces = split(shapedText(ctx, text), reply);
  let finishReason: string | null = 'stop';
  if (request.maxTokens !== null && contentPieces.length > request.maxTokens) {
    contentPieces = contentPieces.slice(0, request.maxTokens);
    finishReason = 'length';
  }
  if (reply?.finishReason !== undefined) finishReason = reply.finishReason;
  return { index, reasoningPieces, contentPieces, toolCalls: [], finishReason };
}

function scriptedChoice(ctx: Context, reply: ScriptReply, index: number): ChoicePlan {
  const contentPieces =
    reply.content !== undefined
      ? split(reply.content, reply)
      : reply.chunks !== undefined
        ? fillerPieces(reply.chunks)
        : [];
  const toolCalls = (reply.toolCalls ?? []).map((call, i) => {
    const args = typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments);
    return {
      id: call.id ?? `call_${hash(`${ctx.id}:${index}:${i}`).toString(36)}${i}`,
      name: call.name,
      argumentPieces: args === '' ? [''] : splitBySize(args, 8),
    };
  });
  const finishReason =
    reply.finishReason !== undefined ? reply.finishReason : toolCalls.length > 0 ? 'tool_calls' : 'stop';
  const reasoningPieces = reply.reasoning !== undefined ? split(reply.reasoning, reply) : [];
  return { index, reasoningPieces, contentPieces, toolCalls, finishReason };
}

/** A reply step that only tunes timing or splitting keeps the default content. */
function scriptsContent(reply: ScriptReply | undefined): reply is ScriptReply {
  if (!reply) return false;
  return (
    reply.content !== undefined ||
    reply.reasoning !== undefined ||
    reply.toolCalls !== undefined ||
    reply.chunks !== undefined
  );
}

export function buildPlan(
  request: ChatRequest,
  model: MockModel,
  reply: ScriptReply | undefined,
): CompletionPlan {
  const ctx: Context = { request, model, id: `chatcmpl-${randomBytes(9).toString('base64url')}`, reply };
  const choices = Array.from({ length: request.n }, (_, i) =>
    scriptsContent(reply) ? scriptedChoice(ctx, reply, i) : defaultChoice(ctx, i),
  );
  const reasoningTokens = choices.reduce((s, c) => s + c.reasoningPieces.length, 0);
  const completionTokens = choices.reduce(
    (s, c) =>
      s +
      c.reasoningPieces.length +
      c.contentPieces.length +
      c.toolCalls.reduce((t, k) => t + k.argumentPieces.length, 0),
    0,
  );
  const promptTokens = estimateTokens(request.messages.map((m) => m.text));
  return {
    id: ctx.id,
    created: Math.floor(Date.now() / 1000),
    model: model.id,
    systemFingerprint: `fp_${hash(model.id).toString(16).padStart(8, '0')}`,
    choices,
    logprobs: request.logprobs && model.capabilities.logprobs,
    topLogprobs: request.topLogprobs,
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      prompt_tokens_details: { cached_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: reasoningTokens },
    },
  };
}
