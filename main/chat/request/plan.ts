import type { Message, Provider, Thread, ToolDef } from '../../contract';
import { AppFailure } from '../../contract';
import type { FailureContext } from '../assembly/failures';
import { redactHeaders } from '../transport/headers';
import type { WireMessage } from './messages';
import type { ChatDeps, ModelDescription } from '../ports';
import type { BuiltRequest } from './build';
import { buildRequest } from './build';
import { fillThreadVariables } from './variables';

export interface Overrides {
  providerId?: string;
  model?: string;
  params?: Record<string, unknown>;
}

export interface PlanInput {
  thread: Thread;
  /** Root → the turn to answer. */
  path: readonly Message[];
  overrides?: Overrides;
  trailing?: readonly WireMessage[];
}

/** Everything decided before the first byte is sent. */
export interface RunPlan {
  thread: Thread;
  provider: Provider;
  model: string;
  description: ModelDescription;
  tools: ToolDef[];
  request: BuiltRequest;
  url: string;
  context: FailureContext;
}

function chatUrl(baseUrl: string): string {
  return `${baseUrl.trim().replace(/\/+$/, '')}/chat/completions`;
}

function hostOf(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.host;
  } catch {
    // Reported below.
  }
  throw new AppFailure(
    'invalid_request',
    `baseUrl: “${url}” is not an http(s) address; fix it in the provider settings.`,
    {
      detail: { field: 'baseUrl' },
    },
  );
}

/** Validates and builds the request; throws AppFailure before anything is stored or sent. */
export async function planRun(deps: ChatDeps, input: PlanInput): Promise<RunPlan> {
  const { thread, overrides = {} } = input;
  const providerId = overrides.providerId ?? thread.settings.providerId;
  const model = overrides.model ?? thread.settings.model;
  if (!providerId)
    throw new AppFailure('invalid_request', 'provider: choose a provider for this thread first', {
      detail: { field: 'providerId' },
    });
  if (!model)
    throw new AppFailure('invalid_request', 'model: choose a model for this thread first', {
      detail: { field: 'model' },
    });
  const provider = deps.providers.get(providerId);
  const description = await deps.models.describe(providerId, model);
  if (!description.allowed) {
    throw new AppFailure(
      'scope_denied',
      description.hiddenReason ?? `Your credential does not allow ${model}.`,
      {
        detail: { scope: description.hiddenReason ?? undefined },
      },
    );
  }
  const library = thread.settings.toolIds.length > 0 ? deps.tools.getMany(thread.settings.toolIds) : [];
  const tools = [...library, ...(deps.mcp?.toolsFor(thread.id) ?? [])];
  const filled = fillThreadVariables(thread.settings, input.path, new Date(deps.now?.() ?? Date.now()));
  const request = buildRequest({
    model,
    systemPrompt: filled.systemPrompt,
    params: { ...thread.settings.params, ...overrides.params },
    path: filled.path,
    tools,
    capabilities: description.capabilities,
    trailing: input.trailing,
    attachmentParts: deps.attachments?.partsFor(providerId, model, description.capabilities),
  });
  const url = chatUrl(provider.baseUrl);
  const context: FailureContext = {
    host: hostOf(url),
    model,
    authKind: provider.authKind,
    confidential: description.confidential,
  };
  return { thread, provider, model, description, tools, request, url, context };
}

export interface SignedHeaders {
  headers: Record<string, string>;
  /** What the inspector stores: credentials replaced by `$API_KEY`. */
  shown: Record<string, string>;
}

/** Header names are case-insensitive; one spelling keeps fetch from joining two values. */
function lowerCased(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  return out;
}

/** Asks the providers service for fresh credentials (it refreshes OAuth tokens) for each attempt. */
export async function signedHeaders(deps: ChatDeps, plan: RunPlan): Promise<SignedHeaders> {
  const auth = lowerCased(await deps.providers.requestAuth(plan.provider.id));
  const profile = lowerCased(plan.provider.headers);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: plan.request.stream ? 'text/event-stream' : 'application/json',
    ...profile,
    ...auth,
  };
  // A header the provider profile does not hold verbatim came from the keychain: a secret.
  const secrets: Record<string, string> = {};
  for (const [name, value] of Object.entries(auth)) {
    if (profile[name] !== value) secrets[name] = value;
  }
  return { headers, shown: redactHeaders(headers, secrets) };
}
