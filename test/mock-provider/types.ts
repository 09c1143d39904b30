/** Public types of the mock provider. Kept apart so tests can import them without the server. */

export type JwtScopeClaim = 'scope' | 'scp' | 'scopes' | 'permissions';

export interface MintJwtOptions {
  scopes: string[];
  /** Negative values mint an already expired token. Default 3600. */
  expiresInSec?: number;
  sub?: string;
  /** Which claim carries the scopes; `scope` is a space-separated string, the others arrays. */
  claim?: JwtScopeClaim;
  /** Extra claims (e.g. `jti`, `client_id`) merged into the payload. */
  extra?: Record<string, unknown>;
}

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** Path with the query string, as sent. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  /** The body bytes exactly as received. */
  body: Buffer;
  bodyText: string;
  /** `Date.now()` when the body had been read. */
  time: number;
}

export interface ScriptToolCall {
  name: string;
  /** A string is sent verbatim (so tests can send broken JSON); an object is stringified. */
  arguments: string | Record<string, unknown>;
  id?: string;
}

export interface ScriptReply {
  content?: string;
  reasoning?: string;
  toolCalls?: ScriptToolCall[];
  /** Split content and reasoning into pieces of this many characters. */
  chunkSize?: number;
  /**
   * With `content`: split it into this many pieces. Without `content`: generate
   * this many one-token pieces of filler text (e.g. 8000 for long-stream tests).
   */
  chunks?: number;
  /** Delay between frames, overriding the server default. */
  delayMs?: number;
  /** `null` sends no finish reason at all (a stream that ends without one). */
  finishReason?: string | null;
}

export type ScriptStatus = 400 | 401 | 402 | 403 | 404 | 429 | 500 | 503;

/** Where a scripted answer puts its usage; set, it is sent whatever `include_usage` says. */
export type UsagePlacement = 'final' | 'finish' | 'x_groq' | 'none';

/**
 * Response shapes real providers send that differ from OpenAI's, for one scripted answer
 * (streamed and non-streamed alike).
 */
export interface ScriptShape {
  /** `content` as an array of parts: `[{type:"thinking",…},{type:"text",…}]`. */
  parts?: boolean;
  /** Parts of types a client may not know, sent after the text part. */
  extraParts?: unknown[];
  /** Send only this many choices, whatever `n` asked for. */
  choices?: number;
  /** `final`: a usage-only chunk after the finish; `finish`: on the last finish chunk; `x_groq`: in Groq's envelope. */
  usage?: UsagePlacement;
  /** `prompt_tokens_details.cached_tokens`. */
  cachedTokens?: number;
  /** `usage.cost`, as OpenRouter reports it. */
  cost?: number;
  /** Each choice's own `usage.completion_tokens` on its finish delta. */
  perChoiceUsage?: boolean;
  /** A first chunk whose `id`, `model`, `system_fingerprint` are empty and `created` is 0. */
  blankFirstEnvelope?: boolean;
  /** End the event stream without `data: [DONE]`. */
  noDone?: boolean;
  /** The exact payload of the error frame (`midStreamErrorAfter`) or non-streamed error body. */
  errorPayload?: unknown;
  /** Non-streamed errors (`midStreamErrorAfter`) come as a 200 rather than a 500. */
  errorWith200?: boolean;
}

/**
 * One behaviour for one upcoming chat-completions request (either API), FIFO.
 * Fields combine: e.g. `{ slowFirstByteMs: 200, reply: {...}, cutAfterChunks: 3 }`.
 * Frame counts (`cutAfterChunks`, ...) count `data:` frames already sent, the
 * role frame included; keep-alive comments do not count.
 */
export interface ScriptStep {
  /** Answer with this error status instead of a completion. */
  status?: ScriptStatus;
  /** `Retry-After` for 429 (default 1) and 503. */
  retryAfterSec?: number;
  /** Error body to send instead of the default one for `status`. */
  body?: unknown;
  /** Wait this long before sending the status line and headers. */
  slowFirstByteMs?: number;
  /** Destroy the socket after k frames: no `[DONE]`, no finish reason. */
  cutAfterChunks?: number;
  /** Send `data: {not json` after k frames. */
  malformedFrameAfter?: number;
  /** After the malformed frame: carry on (default) or end the response. */
  malformedThen?: 'continue' | 'stop';
  /** Send `data: {"error":{...}}` after k frames, then end without `[DONE]`. */
  midStreamErrorAfter?: number;
  /** Message of the mid-stream error. */
  message?: string;
  reply?: ScriptReply;
  /** Use CRLF line endings in the event stream. */
  crlf?: boolean;
  /** Send headers, then nothing until the client goes away. */
  hang?: boolean;
  /** Delay between frames for this request (same as `reply.delayMs`). */
  delayMs?: number;
  /** Provider-specific shapes of the answer. */
  shape?: ScriptShape;
}

export interface ClientClosedEvent {
  /** Path of the request whose client went away before the response ended. */
  path: string;
  /** `data:` frames written before the disconnect was seen. */
  framesSent: number;
  time: number;
}

export interface OAuthBehaviour {
  /** The simulated user refuses consent: authorize redirects with `error=access_denied`. */
  deny: boolean;
  /** Grant these scopes whatever was asked (a user unticking boxes). */
  grantScopes: string[] | null;
  /** Lifetime of access tokens from the token endpoint. */
  accessTokenTtlSec: number;
  /**
   * Like an OpenID provider (OIDC Core §11): a refresh token only for a request that asked for
   * offline_access with prompt=consent. Default false: a refresh token with every grant.
   */
  offlineAccessNeedsConsent: boolean;
  /**
   * Like a server with RFC 8707 resource indicators: the only resource it knows; tokens asked for
   * without it are not for the API, which refuses them (401). Default null: no resources.
   */
  resource: string | null;
  /**
   * Bumping it makes the server forget every client registered before (storage lost, cleanup):
   * they get `invalid_client`, as real servers answer for an unknown client. Default 0.
   */
  clientGeneration: number;
}

export interface StartOptions {
  /** Default 0: a random free port. */
  port?: number;
  /** Delay between stream frames. Default 5 ms. */
  chunkDelayMs?: number;
  /** Starting credit balance of every JWT subject. Default 1_000_000. */
  initialCredits?: number;
  /** Lifetime of OAuth access tokens. Default 300 s. */
  accessTokenTtlSec?: number;
}

export interface MockProvider {
  /** e.g. http://127.0.0.1:PORT */
  url: string;
  /** `${url}/api/v1` */
  confidentialBase: string;
  /** `${url}/v1` */
  galadrielBase: string;
  /** A valid Galadriel API key. */
  apiKey: string;
  /** Every request except the `/__mock` control routes, in arrival order. */
  requests: RecordedRequest[];
  script(...steps: ScriptStep[]): void;
  /** Steps still queued. */
  pendingSteps(): number;
  setCredits(subject: string, credits: number): void;
  getCredits(subject: string): number;
  configureOAuth(behaviour: Partial<OAuthBehaviour>): void;
  /**
   * Resolves on the next chat-completions response whose client disconnected
   * before it ended. A disconnect that happened before the call is not lost:
   * unclaimed events are queued and handed out in order.
   */
  clientClosed(): Promise<ClientClosedEvent>;
  /** Forget requests, script, credits, tokens and disconnect events. */
  reset(): void;
  close(): Promise<void>;
}
