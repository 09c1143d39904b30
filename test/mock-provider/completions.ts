import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MockModel } from './catalog';
import { CONFIDENTIAL_CATALOG, GALADRIEL_CATALOG, findModel, scopePermits } from './catalog';
import type { Api } from './errors';
import { CREDITS_EXHAUSTED, authError, modelNotFound, scopeMessage, sendScriptedError } from './errors';
import { completionBody, streamFrames } from './frames';
import { bearerToken, isRecord, openAiError, parseJson, sendJson, sendOpenAiError } from './http';
import { verifyJwt } from './jwt';
import { buildPlan } from './plan';
import type { CompletionPlan } from './plan';
import type { ChatRequest } from './request';
import { parseChatRequest } from './request';
import type { MockState } from './state';
import type { StreamProgress } from './stream';
import { sleep, waitForAbort, writeEventStream, writeJsonBody } from './stream';
import type { ScriptStep } from './types';
import { partsReply, refuseTooLarge } from './contentParts';

const GALADRIEL_LIMITS = { requests: 60, tokens: 40_000 };

export interface ChatContext {
  api: Api;
  req: IncomingMessage;
  res: ServerResponse;
  body: Buffer;
  state: MockState;
  apiKey: string;
}

interface Caller {
  subject: string;
  scopes: string[] | null;
}

function authenticate(ctx: ChatContext, headers: Record<string, string>): Caller | null {
  const token = bearerToken(ctx.req);
  if (ctx.api === 'galadriel') {
    if (token === ctx.apiKey) return { subject: 'galadriel-key', scopes: null };
    sendJson(ctx.res, 401, authError('galadriel'), headers);
    return null;
  }
  if (token === null) {
    sendJson(ctx.res, 401, authError('confidential', 'missing bearer token', 'missing_token'), headers);
    return null;
  }
  const verified = verifyJwt(token);
  if (!verified.ok) {
    sendJson(ctx.res, 401, authError('confidential', verified.message, verified.code), headers);
    return null;
  }
  if (verified.token.jti !== null && ctx.state.revokedJtis.has(verified.token.jti)) {
    sendJson(ctx.res, 401, authError('confidential', 'access token revoked', 'token_revoked'), headers);
    return null;
  }
  return { subject: verified.token.sub, scopes: verified.token.scopes };
}

/** Checks in the order a real gateway would: body, model, scope, capability, credits. */
function admit(
  ctx: ChatContext,
  caller: Caller,
  headers: Record<string, string>,
): { request: ChatRequest; model: MockModel } | null {
  const { res } = ctx;
  const json = parseJson(ctx.body);
  if (!json.ok) {
    sendOpenAiError(
      res,
      400,
      'could not parse the JSON body of your request',
      'invalid_request_error',
      null,
      headers,
    );
    return null;
  }
  const parsed = parseChatRequest(json.value);
  if (!parsed.ok) {
    sendJson(
      res,
      400,
      openAiError(parsed.message, 'invalid_request_error', null, parsed.param || null),
      headers,
    );
    return null;
  }
  const { request } = parsed;
  const model = findModel(ctx.api === 'galadriel' ? GALADRIEL_CATALOG : CONFIDENTIAL_CATALOG, request.model);
  if (!model) {
    sendJson(res, 404, modelNotFound(request.model), headers);
    return null;
  }
  if (caller.scopes !== null && !scopePermits(caller.scopes, model)) {
    sendOpenAiError(res, 403, scopeMessage(model), 'permission_error', 'insufficient_scope', headers);
    return null;
  }
  if (request.tools.length > 0 && !model.capabilities.tools) {
    const message = `model ${model.id} does not support tools`;
    sendJson(
      res,
      400,
      openAiError(message, 'invalid_request_error', 'unsupported_parameter', 'tools'),
      headers,
    );
    return null;
  }
  if (ctx.api === 'confidential' && ctx.state.balance(caller.subject) <= 0) {
    sendJson(res, 402, CREDITS_EXHAUSTED, headers);
    return null;
  }
  return { request, model };
}

function usageHeaders(ctx: ChatContext, caller: Caller, plan: CompletionPlan): Record<string, string> {
  const tokens = plan.usage.total_tokens;
  if (ctx.api === 'confidential') {
    // One credit per token keeps the figures easy to assert on.
    const remaining = ctx.state.charge(caller.subject, tokens);
    return { 'x-credits-consumed': String(tokens), 'x-credits-remaining': String(remaining) };
  }
  const used = ctx.state.recordGaladriel(tokens);
  const tokenResetMs = Math.ceil((used.tokens * 60_000) / GALADRIEL_LIMITS.tokens);
  return {
    'x-ratelimit-limit-requests': String(GALADRIEL_LIMITS.requests),
    'x-ratelimit-remaining-requests': String(Math.max(0, GALADRIEL_LIMITS.requests - used.requests)),
    'x-ratelimit-reset-requests': '1s',
    'x-ratelimit-limit-tokens': String(GALADRIEL_LIMITS.tokens),
    'x-ratelimit-remaining-tokens': String(Math.max(0, GALADRIEL_LIMITS.tokens - used.tokens)),
    'x-ratelimit-reset-tokens':
      tokenResetMs >= 1000 ? `${Math.ceil(tokenResetMs / 1000)}s` : `${tokenResetMs}ms`,
  };
}

function modelIdOf(body: Buffer): string {
  const json = parseJson(body);
  return json.ok && isRecord(json.value) && typeof json.value.model === 'string'
    ? json.value.model
    : 'unknown';
}

function scriptedError(
  ctx: ChatContext,
  step: ScriptStep & { status: number },
  headers: Record<string, string>,
): void {
  const modelId = modelIdOf(ctx.body);
  const model = findModel(ctx.api === 'galadriel' ? GALADRIEL_CATALOG : CONFIDENTIAL_CATALOG, modelId);
  sendScriptedError(ctx.res, step, ctx.api, model, modelId, headers);
}

export async function handleChatCompletion(ctx: ChatContext): Promise<void> {
  const { res, state } = ctx;
  const step: ScriptStep = state.nextStep() ?? {};
  const clientGone = new AbortController();
  const signal = AbortSignal.any([clientGone.signal, state.shutdown.signal]);
  const progress: StreamProgress = { framesSent: 0, cutByServer: false };
  res.on('close', () => {
    if (res.writableFinished || progress.cutByServer || state.shutdown.signal.aborted) return;
    clientGone.abort();
    state.pushClientClosed({ path: ctx.req.url ?? '', framesSent: progress.framesSent, time: Date.now() });
  });
  const headers: Record<string, string> = { 'x-request-id': `req_${randomBytes(8).toString('hex')}` };

  if (step.slowFirstByteMs !== undefined && !(await sleep(step.slowFirstByteMs, signal))) return;
  const { status } = step;
  if (status !== undefined) {
    scriptedError(ctx, { ...step, status }, headers);
    return;
  }
  if (refuseTooLarge(res, ctx.body.length, state.requestLimitBytes)) return;
  const caller = authenticate(ctx, headers);
  if (!caller) return;
  const admitted = admit(ctx, caller, headers);
  if (!admitted) return;
  const { request, model } = admitted;
  const parsed = parseJson(ctx.body);
  const plan = buildPlan(request, model, partsReply(step.reply, parsed.ok ? parsed.value : null));
  Object.assign(headers, usageHeaders(ctx, caller, plan));

  if (step.hang === true) {
    res.writeHead(200, {
      ...headers,
      'content-type': request.stream ? 'text/event-stream' : 'application/json',
    });
    res.flushHeaders();
    await waitForAbort(signal);
    return;
  }
  if (!request.stream) {
    writeJsonBody(res, completionBody(plan, step.shape), step, headers, progress);
    return;
  }
  res.writeHead(200, {
    ...headers,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  res.flushHeaders();
  const delayMs = step.delayMs ?? step.reply?.delayMs ?? state.chunkDelayMs;
  const frames = streamFrames(plan, request.includeUsage, step.shape);
  await writeEventStream(res, frames, step, delayMs, signal, progress);
}
