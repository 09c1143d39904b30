import type {
  AuthKind,
  OAuthConfig,
  Preset,
  PresetId,
  Provider,
  ProviderInput,
  ProviderLimits,
  Timeouts,
} from '../../../../main/contract';
import { DEFAULT_TIMEOUTS } from '../../../../main/contract';

export interface HeaderRow {
  /** Stable React key: rows can be renamed while typing. */
  key: string;
  name: string;
  /** Typed by the user; '' on a saved row keeps the value in the keychain. */
  value: string;
  /** The name this row was saved under: its value is in the keychain and never comes back. */
  savedName: string | null;
}

export interface TimeoutDraft {
  connect: string;
  firstByte: string;
  idle: string;
}

/** Per-provider size limits as typed; `saved` remembers the profile had some, so emptying them resets to the defaults. */
export interface LimitsDraft {
  bodyMb: string;
  lineKb: string;
  messageMb: string;
  saved: boolean;
}

export type OAuthDraft = Required<{ [K in keyof OAuthConfig]: string }>;

/** The provider form as typed: strings everywhere, so nothing the user enters is lost on error. */
export interface ProviderDraft {
  name: string;
  preset: PresetId;
  baseUrl: string;
  authKind: AuthKind;
  headers: HeaderRow[];
  timeouts: TimeoutDraft;
  limits: LimitsDraft;
  oauth: OAuthDraft;
}

/** Mirrors main's defaults (main applies them when a profile omits timeouts); shown as placeholders. */

const EMPTY_OAUTH: OAuthDraft = {
  issuer: '',
  authorizationEndpoint: '',
  tokenEndpoint: '',
  registrationEndpoint: '',
  revocationEndpoint: '',
  clientId: '',
  scopes: '',
  resource: '',
};

let rowCounter = 0;
export const newHeaderRow = (name = '', value = '', savedName: string | null = null): HeaderRow => ({
  key: `h${++rowCounter}`,
  name,
  value,
  savedName,
});

/** A saved header left as it was: its value stays in the keychain. */
export const keepsSavedValue = (row: HeaderRow): boolean =>
  row.savedName !== null && row.savedName === row.name.trim() && row.value === '';

const secondsText = (ms: number): string => String(ms / 1000);

export function draftFromPreset(preset: Preset): ProviderDraft {
  return {
    name: preset.name,
    preset: preset.id,
    baseUrl: preset.baseUrl,
    authKind: preset.authKinds[0] ?? 'api-key',
    headers: [],
    timeouts: { connect: '', firstByte: '', idle: '' },
    limits: { bodyMb: '', lineKb: '', messageMb: '', saved: false },
    oauth: { ...EMPTY_OAUTH },
  };
}

export function draftFromProvider(provider: Provider): ProviderDraft {
  const oauth = provider.oauth ?? { scopes: '' };
  return {
    name: provider.name,
    preset: provider.preset,
    baseUrl: provider.baseUrl,
    authKind: provider.authKind,
    headers: Object.keys(provider.headers).map((name) => newHeaderRow(name, '', name)),
    timeouts: {
      connect: secondsText(provider.timeouts.connectMs),
      firstByte: secondsText(provider.timeouts.firstByteMs),
      idle: secondsText(provider.timeouts.idleMs),
    },
    limits: {
      bodyMb: provider.limits?.bodyMb?.toString() ?? '',
      lineKb: provider.limits?.lineKb?.toString() ?? '',
      messageMb: provider.limits?.messageMb?.toString() ?? '',
      saved: provider.limits !== undefined && Object.keys(provider.limits).length > 0,
    },
    oauth: {
      issuer: oauth.issuer ?? '',
      authorizationEndpoint: oauth.authorizationEndpoint ?? '',
      tokenEndpoint: oauth.tokenEndpoint ?? '',
      registrationEndpoint: oauth.registrationEndpoint ?? '',
      revocationEndpoint: oauth.revocationEndpoint ?? '',
      clientId: oauth.clientId ?? '',
      scopes: oauth.scopes ?? '',
      resource: oauth.resource ?? '',
    },
  };
}

function timeoutsOf(draft: TimeoutDraft): Timeouts | undefined {
  if (draft.connect.trim() === '' && draft.firstByte.trim() === '' && draft.idle.trim() === '')
    return undefined;
  const ms = (text: string, fallback: number) =>
    text.trim() === '' ? fallback : Math.round(Number(text) * 1000);
  return {
    connectMs: ms(draft.connect, DEFAULT_TIMEOUTS.connectMs),
    firstByteMs: ms(draft.firstByte, DEFAULT_TIMEOUTS.firstByteMs),
    idleMs: ms(draft.idle, DEFAULT_TIMEOUTS.idleMs),
  };
}

/** Only the limits typed; none at all keeps the defaults (and clears limits the profile had). */
function limitsOf(draft: LimitsDraft): ProviderLimits | undefined {
  const limits: ProviderLimits = {};
  for (const key of ['bodyMb', 'lineKb', 'messageMb'] as const) {
    if (draft[key].trim() !== '') limits[key] = Number(draft[key]);
  }
  return Object.keys(limits).length > 0 || draft.saved ? limits : undefined;
}

function oauthOf(draft: ProviderDraft): OAuthConfig | undefined {
  const entries = Object.entries(draft.oauth).map(([k, v]) => [k, v.trim()] as const);
  const filled = entries.filter(([, v]) => v !== '');
  if (draft.authKind !== 'oauth' && filled.length === 0) return undefined;
  const config: OAuthConfig = { scopes: draft.oauth.scopes.trim() };
  for (const [key, value] of filled) {
    if (key !== 'scopes') config[key as Exclude<keyof OAuthConfig, 'scopes'>] = value;
  }
  return config;
}

/** What is sent to `providers:create` / `providers:update` (main validates it again). */
export function draftToInput(draft: ProviderDraft): ProviderInput {
  const headers: Record<string, string | null> = {};
  for (const row of draft.headers) {
    if (row.name.trim() !== '') headers[row.name.trim()] = keepsSavedValue(row) ? null : row.value;
  }
  const input: ProviderInput = {
    name: draft.name.trim(),
    preset: draft.preset,
    baseUrl: draft.baseUrl.trim(),
    authKind: draft.authKind,
    headers,
  };
  const timeouts = timeoutsOf(draft.timeouts);
  if (timeouts) input.timeouts = timeouts;
  const limits = limitsOf(draft.limits);
  if (limits) input.limits = limits;
  const oauth = oauthOf(draft);
  if (oauth) input.oauth = oauth;
  return input;
}

/** True when saving the draft would change the stored provider. */
export function isDirty(draft: ProviderDraft, provider: Provider): boolean {
  return (
    JSON.stringify(comparable(draftToInput(draft))) !==
    JSON.stringify(comparable(draftToInput(draftFromProvider(provider))))
  );
}

/**
 * The draft to show once the saved provider changed under it (a sign-in saves the endpoints it
 * discovered and main normalises URLs): an untouched draft follows the new profile, so nothing
 * the user did not do reads as "Unsaved changes"; edits in progress are kept.
 */
export function rebaseDraft(draft: ProviderDraft, before: Provider, after: Provider): ProviderDraft {
  return isDirty(draft, before) ? draft : draftFromProvider(after);
}

function comparable(input: ProviderInput): unknown {
  const headers = Object.entries(input.headers ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const oauth = input.oauth ? Object.entries(input.oauth).sort(([a], [b]) => a.localeCompare(b)) : null;
  return { ...input, headers, oauth, timeouts: input.timeouts ?? DEFAULT_TIMEOUTS };
}
