import { z } from 'zod';
import { channel } from './define';

export const AuthKind = z.enum(['jwt', 'api-key', 'oauth', 'none']);
export type AuthKind = z.infer<typeof AuthKind>;

export const PresetId = z.enum(['confidential', 'near-ai', 'galadriel', 'openai-compatible']);
export type PresetId = z.infer<typeof PresetId>;

export const Capabilities = z.object({
  tools: z.boolean(),
  logprobs: z.boolean(),
  jsonSchema: z.boolean(),
  reasoning: z.boolean(),
  vision: z.boolean(),
});
export type Capabilities = z.infer<typeof Capabilities>;

export const Timeouts = z.object({
  connectMs: z.number().int().min(100).max(600_000),
  firstByteMs: z.number().int().min(100).max(600_000),
  idleMs: z.number().int().min(100).max(600_000),
});
export type Timeouts = z.infer<typeof Timeouts>;

/** What a provider without its own timeouts waits: main applies them, the form shows them. */
export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 10_000, firstByteMs: 60_000, idleMs: 60_000 };

/**
 * How much one answer from this provider may cost; an unset field keeps the default (64 MB body
 * after decompression, 1024 KB per event-stream line, 8 MB per message). Past one the answer ends
 * as a protocol error with what arrived kept.
 */
export const ProviderLimits = z.object({
  bodyMb: z.number().int().min(1).max(1024).optional(),
  lineKb: z.number().int().min(64).max(65_536).optional(),
  messageMb: z.number().int().min(1).max(256).optional(),
});
export type ProviderLimits = z.infer<typeof ProviderLimits>;

/** The limits an unset field keeps, in the form's units: main applies them, the form shows them. */
export const DEFAULT_PROVIDER_LIMITS: Required<ProviderLimits> = { bodyMb: 64, lineKb: 1024, messageMb: 8 };

export const OAuthConfig = z.object({
  issuer: z.string().optional(),
  authorizationEndpoint: z.string().optional(),
  tokenEndpoint: z.string().optional(),
  registrationEndpoint: z.string().optional(),
  revocationEndpoint: z.string().optional(),
  clientId: z.string().optional(),
  scopes: z.string().default(''),
  /** RFC 8707 resource indicator: the API the tokens are for, sent on authorize and token requests. */
  resource: z.string().optional(),
});
export type OAuthConfig = z.infer<typeof OAuthConfig>;

/** An HTTP header name (RFC 9110 token). */
export const HEADER_NAME_PATTERN = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

/**
 * Headers the app sets itself, that HTTP forbids callers to set, or that cannot be a key of a
 * plain record (`__proto__` would vanish on the way): each with why, for the form and for main.
 */
export const RESERVED_HEADERS: ReadonlyMap<string, string> = new Map([
  ['authorization', 'Authorization is set from the saved key, token or sign-in.'],
  ['proxy-authorization', 'Proxy-Authorization comes from the system proxy settings.'],
  ['host', 'Host is set from the base URL.'],
  ['content-length', 'Content-Length is computed for every request.'],
  ['content-type', 'Content-Type is set by the app for every request.'],
  ['connection', 'Connection is managed by the network stack.'],
  ['transfer-encoding', 'Transfer-Encoding is managed by the network stack.'],
  ['cookie', 'Cookies are not supported as custom headers.'],
  ['__proto__', '__proto__ cannot be a header name here.'],
]);

/** Why a custom header cannot have this name, or null when it can. */
export function headerNameProblem(name: string): string | null {
  if (!HEADER_NAME_PATTERN.test(name))
    return `“${name}” is not a valid header name (letters, digits and - only).`;
  return RESERVED_HEADERS.get(name.toLowerCase()) ?? null;
}

const HeaderName = z.string().regex(HEADER_NAME_PATTERN, 'not a valid header name');

/**
 * A record's keys are read after parsing, where an own `__proto__` key is already gone: refuse it
 * before, so a header named so is never dropped in silence.
 */
const HeaderRecord = z
  .custom<unknown>()
  .superRefine((value, ctx) => {
    if (typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__'))
      ctx.addIssue({ code: 'custom', path: ['__proto__'], message: RESERVED_HEADERS.get('__proto__') ?? '' });
  })
  .pipe(z.record(HeaderName, z.string().nullable()));

export const ProviderInput = z.object({
  name: z.string().trim().min(1, 'name is required').max(80),
  preset: PresetId,
  baseUrl: z.string().trim().min(1, 'base URL is required'),
  authKind: AuthKind,
  /**
   * Custom request headers. Their values are kept in the OS keychain, like the credential;
   * `null` keeps the value already saved for that header.
   */
  headers: HeaderRecord.default({}),
  timeouts: Timeouts.optional(),
  limits: ProviderLimits.optional(),
  oauth: OAuthConfig.optional(),
});
export type ProviderInput = z.input<typeof ProviderInput>;

/** What the renderer may know about a stored secret: never the secret itself. */
export const CredentialStatus = z.object({
  configured: z.boolean(),
  kind: AuthKind,
  hint: z.string().nullable(),
  scopes: z.array(z.string()).nullable(),
  expiresAt: z.number().nullable(),
  subject: z.string().nullable(),
  problem: z.string().nullable(),
  keychainAvailable: z.boolean(),
});
export type CredentialStatus = z.infer<typeof CredentialStatus>;

export const Provider = z.object({
  id: z.string(),
  name: z.string(),
  preset: PresetId,
  baseUrl: z.string(),
  authKind: AuthKind,
  /** The custom headers by name; values stay in the keychain and are always '' here. */
  headers: z.record(z.string(), z.string()),
  timeouts: Timeouts,
  /** Absent: the default limits. */
  limits: ProviderLimits.optional(),
  oauth: OAuthConfig.nullable(),
  modelOverrides: z.record(z.string(), Capabilities.partial()),
  position: z.number(),
  baseUrlWarning: z.string().nullable(),
  credential: CredentialStatus,
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Provider = z.infer<typeof Provider>;

export const Preset = z.object({
  id: PresetId,
  name: z.string(),
  baseUrl: z.string(),
  authKinds: z.array(AuthKind),
  description: z.string(),
});
export type Preset = z.infer<typeof Preset>;

export const ModelInfo = z.object({
  id: z.string(),
  providerId: z.string(),
  ownedBy: z.string().nullable(),
  confidential: z.boolean(),
  contextLength: z.number().nullable(),
  capabilities: Capabilities,
  /** Which capability flags the user overrode. */
  overridden: z.array(Capabilities.keyof()),
  allowed: z.boolean(),
  /** Why the token's scope hides this model, e.g. "needs llm-confidential". */
  hiddenReason: z.string().nullable(),
  /** When the user last chose this model (for "recent first"); absent or null if never. */
  lastUsedAt: z.number().nullable().optional(),
});
export type ModelInfo = z.infer<typeof ModelInfo>;

export const ModelList = z.object({
  providerId: z.string(),
  models: z.array(ModelInfo),
  fetchedAt: z.number().nullable(),
  scopes: z.array(z.string()).nullable(),
  error: z.string().nullable(),
});
export type ModelList = z.infer<typeof ModelList>;

const Id = z.object({ id: z.string().min(1) });

export const providerChannels = {
  'providers:presets': channel(z.object({}), z.array(Preset)),
  'providers:list': channel(z.object({}), z.array(Provider)),
  'providers:create': channel(ProviderInput, Provider),
  'providers:update': channel(Id.extend({ patch: ProviderInput.partial() }), Provider),
  'providers:duplicate': channel(Id, Provider),
  'providers:delete': channel(Id, z.object({ deleted: z.boolean() })),
  'providers:reorder': channel(z.object({ ids: z.array(z.string()) }), z.array(Provider)),
  'providers:setSecret': channel(
    Id.extend({ secret: z.string().trim().min(1, 'paste a key or token') }),
    CredentialStatus,
  ),
  'providers:clearSecret': channel(Id, CredentialStatus),
  'providers:signIn': channel(Id, CredentialStatus),
  'providers:signOut': channel(Id, CredentialStatus),
  /** Stops a sign-in waiting for the browser: it ends with `aborted` and nothing is saved. */
  'providers:cancelSignIn': channel(Id, z.object({ cancelled: z.boolean() })),
  'models:list': channel(
    z.object({ providerId: z.string(), refresh: z.boolean().default(false) }),
    ModelList,
  ),
  'models:setOverride': channel(
    z.object({ providerId: z.string(), modelId: z.string(), capabilities: Capabilities.partial() }),
    ModelList,
  ),
};

export const providerEvents = {
  'providers:changed': z.object({ providerId: z.string().nullable() }),
  /** A sign-in could not open a browser: the window shows this address to open or copy. */
  'providers:signInUrl': z.object({ providerId: z.string(), url: z.string() }),
};

/**
 * The shell variable the inspector's curl command reads a redacted header from: the credential
 * (`Authorization`) is `API_KEY`, a custom `X-Org-Key` is `X_ORG_KEY`.
 */
export function headerVariable(name: string): string {
  if (/^(?:proxy-)?authorization$/i.test(name)) return 'API_KEY';
  const variable = name
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[A-Z]/.test(variable) ? variable : `H_${variable}`;
}
