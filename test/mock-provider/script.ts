import { isRecord } from './http';
import type { ScriptReply, ScriptStatus, ScriptStep, ScriptToolCall } from './types';

/** Parses steps arriving over HTTP; a typo should fail loudly rather than script nothing. */
export class ScriptError extends Error {}

const STATUSES: readonly ScriptStatus[] = [401, 402, 403, 404, 429, 500, 503];

function isStatus(value: unknown): value is ScriptStatus {
  return STATUSES.some((s) => s === value);
}
const STEP_KEYS = new Set([
  'status',
  'retryAfterSec',
  'body',
  'slowFirstByteMs',
  'cutAfterChunks',
  'malformedFrameAfter',
  'malformedThen',
  'midStreamErrorAfter',
  'message',
  'reply',
  'crlf',
  'hang',
  'delayMs',
]);
const REPLY_KEYS = new Set([
  'content',
  'reasoning',
  'toolCalls',
  'chunkSize',
  'chunks',
  'delayMs',
  'finishReason',
]);

function checkKeys(value: Record<string, unknown>, allowed: Set<string>, where: string): void {
  const unknown = Object.keys(value).filter((k) => !allowed.has(k));
  if (unknown.length > 0) throw new ScriptError(`${where}: unknown field(s) ${unknown.join(', ')}`);
}

function count(value: unknown, where: string, min = 0): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new ScriptError(`${where} must be an integer ≥ ${min}`);
  }
  return value;
}

function text(value: unknown, where: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new ScriptError(`${where} must be a string`);
  return value;
}

function flag(value: unknown, where: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw new ScriptError(`${where} must be a boolean`);
  return value;
}

function parseToolCall(value: unknown, where: string): ScriptToolCall {
  if (!isRecord(value) || typeof value.name !== 'string') throw new ScriptError(`${where} needs a name`);
  const args = value.arguments;
  if (typeof args !== 'string' && !isRecord(args))
    throw new ScriptError(`${where}.arguments must be a string or object`);
  const id = text(value.id, `${where}.id`);
  return { name: value.name, arguments: args, ...(id !== undefined ? { id } : {}) };
}

function parseReply(value: unknown, where: string): ScriptReply {
  if (!isRecord(value)) throw new ScriptError(`${where} must be an object`);
  checkKeys(value, REPLY_KEYS, where);
  if (value.toolCalls !== undefined && !Array.isArray(value.toolCalls))
    throw new ScriptError(`${where}.toolCalls must be an array`);
  const finish = value.finishReason;
  if (finish !== undefined && finish !== null && typeof finish !== 'string') {
    throw new ScriptError(`${where}.finishReason must be a string or null`);
  }
  const reply: ScriptReply = {
    content: text(value.content, `${where}.content`),
    reasoning: text(value.reasoning, `${where}.reasoning`),
    toolCalls: value.toolCalls?.map((c: unknown, i: number) => parseToolCall(c, `${where}.toolCalls[${i}]`)),
    chunkSize: count(value.chunkSize, `${where}.chunkSize`, 1),
    chunks: count(value.chunks, `${where}.chunks`, 0),
    delayMs: count(value.delayMs, `${where}.delayMs`),
    finishReason: finish,
  };
  return reply;
}

export function parseStep(value: unknown, where = 'step'): ScriptStep {
  if (!isRecord(value)) throw new ScriptError(`${where} must be an object`);
  checkKeys(value, STEP_KEYS, where);
  const status = value.status;
  if (status !== undefined && !isStatus(status)) {
    throw new ScriptError(`${where}.status must be one of ${STATUSES.join(', ')}`);
  }
  const then = value.malformedThen;
  if (then !== undefined && then !== 'continue' && then !== 'stop') {
    throw new ScriptError(`${where}.malformedThen must be "continue" or "stop"`);
  }
  const step: ScriptStep = {
    status,
    retryAfterSec: count(value.retryAfterSec, `${where}.retryAfterSec`),
    body: value.body,
    slowFirstByteMs: count(value.slowFirstByteMs, `${where}.slowFirstByteMs`),
    cutAfterChunks: count(value.cutAfterChunks, `${where}.cutAfterChunks`),
    malformedFrameAfter: count(value.malformedFrameAfter, `${where}.malformedFrameAfter`),
    malformedThen: then,
    midStreamErrorAfter: count(value.midStreamErrorAfter, `${where}.midStreamErrorAfter`),
    message: text(value.message, `${where}.message`),
    reply: value.reply === undefined ? undefined : parseReply(value.reply, `${where}.reply`),
    crlf: flag(value.crlf, `${where}.crlf`),
    hang: flag(value.hang, `${where}.hang`),
    delayMs: count(value.delayMs, `${where}.delayMs`),
  };
  return step;
}

export function parseSteps(value: unknown): ScriptStep[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((step, i) => parseStep(step, `steps[${i}]`));
}
