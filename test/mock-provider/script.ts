import { isRecord } from './http';
import type { ScriptReply, ScriptShape, ScriptStatus, ScriptStep, ScriptToolCall } from './types';

/** Parses steps arriving over HTTP; a typo should fail loudly rather than script nothing. */
export class ScriptError extends Error {}

const STATUSES: readonly ScriptStatus[] = [400, 401, 402, 403, 404, 429, 500, 503];

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
  'shape',
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

const SHAPE_FLAGS = ['parts', 'perChoiceUsage', 'blankFirstEnvelope', 'noDone', 'errorWith200'] as const;
const SHAPE_COUNTS = ['choices', 'cachedTokens'] as const;
const PLACEMENTS = ['final', 'finish', 'x_groq', 'none'] as const;

function parseShape(value: unknown, where: string): ScriptShape {
  if (!isRecord(value)) throw new ScriptError(`${where} must be an object`);
  const keys = [...SHAPE_FLAGS, ...SHAPE_COUNTS, 'usage', 'cost', 'extraParts', 'errorPayload'];
  checkKeys(value, new Set(keys), where);
  const shape: ScriptShape = {};
  for (const key of SHAPE_FLAGS) {
    const on = flag(value[key], `${where}.${key}`);
    if (on !== undefined) shape[key] = on;
  }
  for (const key of SHAPE_COUNTS) {
    const n = count(value[key], `${where}.${key}`);
    if (n !== undefined) shape[key] = n;
  }
  const usage = value.usage;
  if (usage !== undefined) {
    const placement = PLACEMENTS.find((p) => p === usage);
    if (placement === undefined)
      throw new ScriptError(`${where}.usage must be one of ${PLACEMENTS.join(', ')}`);
    shape.usage = placement;
  }
  if (value.cost !== undefined) {
    if (typeof value.cost !== 'number') throw new ScriptError(`${where}.cost must be a number`);
    shape.cost = value.cost;
  }
  if (value.extraParts !== undefined) {
    if (!Array.isArray(value.extraParts)) throw new ScriptError(`${where}.extraParts must be an array`);
    shape.extraParts = value.extraParts as unknown[];
  }
  if (value.errorPayload !== undefined) shape.errorPayload = value.errorPayload;
  return shape;
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
    shape: value.shape === undefined ? undefined : parseShape(value.shape, `${where}.shape`),
  };
  return step;
}

export function parseSteps(value: unknown): ScriptStep[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((step, i) => parseStep(step, `steps[${i}]`));
}
