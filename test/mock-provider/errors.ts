import type { ServerResponse } from 'node:http';
import type { MockModel } from './catalog';
import { scopesAllowing } from './catalog';
import { openAiError, sendJson } from './http';
import type { ScriptStep } from './types';

export type Api = 'confidential' | 'galadriel';

export const CREDITS_EXHAUSTED = { error: 'CreditsExhaustedError' } as const;

export function scopeMessage(model: MockModel): string {
  return `model ${model.id} requires scope ${scopesAllowing(model).join(' or ')}`;
}

export function authError(api: Api, message?: string, code?: string): unknown {
  return api === 'galadriel'
    ? openAiError(
        message ?? 'Incorrect API key provided.',
        'invalid_request_error',
        code ?? 'invalid_api_key',
      )
    : openAiError(
        message ?? 'invalid or expired access token',
        'invalid_request_error',
        code ?? 'invalid_token',
      );
}

export function modelNotFound(modelId: string): unknown {
  return openAiError(
    `The model \`${modelId}\` does not exist or you do not have access to it.`,
    'invalid_request_error',
    'model_not_found',
  );
}

/** OpenAI's words for a prompt that does not fit; the same error as a 400, a 200 body or a frame. */
export function contextLengthError(): unknown {
  return openAiError(
    "This model's maximum context length is 8192 tokens. However, your messages resulted in 9000 tokens. Please reduce the length of the messages.",
    'invalid_request_error',
    'context_length_exceeded',
    'messages',
  );
}

function defaultBody(status: number, api: Api, model: MockModel | undefined, modelId: string): unknown {
  switch (status) {
    case 400:
      return contextLengthError();
    case 401:
      return authError(api);
    case 402:
      return CREDITS_EXHAUSTED;
    case 403:
      return openAiError(
        model ? scopeMessage(model) : `model ${modelId} requires scope llm-all`,
        'permission_error',
        'insufficient_scope',
      );
    case 404:
      return modelNotFound(modelId);
    case 429:
      return openAiError(
        'Rate limit reached for requests. Please try again later.',
        'requests',
        'rate_limit_exceeded',
      );
    case 503:
      return openAiError(
        'The engine is currently overloaded, please try again later.',
        'server_error',
        'service_unavailable',
      );
    default:
      return openAiError(
        'The server had an error while processing your request.',
        'server_error',
        'internal_error',
      );
  }
}

/** A scripted error status; a string `body` is sent verbatim (e.g. a proxy's HTML page). */
export function sendScriptedError(
  res: ServerResponse,
  step: ScriptStep & { status: number },
  api: Api,
  model: MockModel | undefined,
  modelId: string,
  headers: Record<string, string>,
): void {
  const extra: Record<string, string> = { ...headers };
  if (step.status === 429 || (step.status === 503 && step.retryAfterSec !== undefined)) {
    extra['retry-after'] = String(step.retryAfterSec ?? 1);
  }
  if (step.status === 429 && api === 'galadriel') {
    extra['x-ratelimit-remaining-requests'] = '0';
    extra['x-ratelimit-reset-requests'] = `${step.retryAfterSec ?? 1}s`;
  }
  if (typeof step.body === 'string') {
    res.writeHead(step.status, { ...extra, 'content-type': 'text/plain; charset=utf-8' });
    res.end(step.body);
    return;
  }
  sendJson(res, step.status, step.body ?? defaultBody(step.status, api, model, modelId), extra);
}
