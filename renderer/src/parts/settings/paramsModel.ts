import type { BoolParam, ChatParams, NumberParam, ResponseFormat } from '../../../../main/contract';
import {
  BOOL_PARAMS,
  LOGIT_BIAS_RANGE,
  NUMBER_PARAMS,
  STOP_SEQUENCES,
  infoOf,
  rangeOf,
} from '../../../../main/contract/chatParams';

export type NumberKey = NumberParam;
export type BoolKey = BoolParam;
export type FieldKey =
  NumberKey | BoolKey | 'stop' | 'user' | 'logit_bias' | 'response_format' | 'extra_body';

export interface NumberField {
  key: NumberKey;
  min: number | null;
  max: number | null;
  step: number;
  integer: boolean;
  /** What the API does when the field is not sent, shown greyed. */
  apiDefault: string;
  slider: boolean;
  hint: string;
}

/** Ranges, steps, hints and API defaults come from the contract's `ChatParams` metadata. */
export const NUMBER_FIELDS: readonly NumberField[] = NUMBER_PARAMS.map((key) => {
  const info = infoOf(key);
  return { key, ...rangeOf(key), apiDefault: String(info.apiDefault), hint: info.hint };
});

export const BOOL_FIELDS: readonly { key: BoolKey; apiDefault: boolean; hint: string }[] = BOOL_PARAMS.map(
  (key) => {
    const info = infoOf(key);
    return { key, apiDefault: info.apiDefault === true, hint: info.hint };
  },
);

export interface LogitBiasRow {
  token: string;
  bias: string;
}

/** The panel's editable state: text as typed, '' / null meaning "not sent". */
export interface ParamsDraft {
  numbers: Record<NumberKey, string>;
  bools: Record<BoolKey, boolean | null>;
  stop: string[];
  user: string;
  logitBias: LogitBiasRow[];
  responseFormat: ResponseFormat | undefined;
  extraBody: string;
}

/** The fields this panel owns; `tool_choice` belongs to the Tools tab and is never touched here. */
export type ManagedParams = Omit<ChatParams, 'tool_choice'>;

const MANAGED_KEYS: readonly (keyof ManagedParams)[] = [
  ...NUMBER_FIELDS.map((f) => f.key),
  ...BOOL_FIELDS.map((f) => f.key),
  'stop',
  'user',
  'logit_bias',
  'response_format',
  'extra_body',
];

export function draftFromParams(params: ChatParams): ParamsDraft {
  const numbers = {} as Record<NumberKey, string>;
  for (const f of NUMBER_FIELDS) numbers[f.key] = params[f.key] === undefined ? '' : String(params[f.key]);
  const bools = {} as Record<BoolKey, boolean | null>;
  for (const f of BOOL_FIELDS) bools[f.key] = params[f.key] ?? null;
  return {
    numbers,
    bools,
    stop: params.stop === undefined ? [] : typeof params.stop === 'string' ? [params.stop] : [...params.stop],
    user: params.user ?? '',
    logitBias: Object.entries(params.logit_bias ?? {}).map(([token, bias]) => ({
      token,
      bias: String(bias),
    })),
    responseFormat: params.response_format,
    extraBody: params.extra_body === undefined ? '' : JSON.stringify(params.extra_body, null, 2),
  };
}

export const emptyDraft = (): ParamsDraft => draftFromParams({});

function checkNumber(field: NumberField, text: string): { value?: number; error?: string } {
  if (text.trim() === '') return {};
  const value = Number(text);
  if (!Number.isFinite(value)) return { error: `${field.key} must be a number` };
  if (field.integer && !Number.isInteger(value)) return { error: `${field.key} must be a whole number` };
  if (field.min !== null && field.max !== null && (value < field.min || value > field.max)) {
    return { error: `${field.key} must be between ${field.min} and ${field.max}` };
  }
  if (field.min !== null && value < field.min) return { error: `${field.key} must be at least ${field.min}` };
  if (field.max !== null && value > field.max) return { error: `${field.key} must be at most ${field.max}` };
  return { value };
}

function checkLogitBias(rows: readonly LogitBiasRow[]): { value?: Record<string, number>; error?: string } {
  const filled = rows.filter((r) => r.token.trim() !== '' || r.bias.trim() !== '');
  if (filled.length === 0) return {};
  const value: Record<string, number> = {};
  for (const row of filled) {
    const token = row.token.trim();
    if (!/^\d+$/u.test(token))
      return { error: 'logit_bias: token ids are whole numbers (from the model’s tokenizer)' };
    const bias = Number(row.bias);
    if (
      row.bias.trim() === '' ||
      !Number.isFinite(bias) ||
      bias < LOGIT_BIAS_RANGE.min ||
      bias > LOGIT_BIAS_RANGE.max
    ) {
      return {
        error: `logit_bias: the bias for token ${token} must be between ${LOGIT_BIAS_RANGE.min} and ${LOGIT_BIAS_RANGE.max}`,
      };
    }
    value[token] = bias;
  }
  return { value };
}

function checkExtraBody(text: string): { value?: Record<string, unknown>; error?: string } {
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { error: `extra_body is not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { error: 'extra_body must be a JSON object, like {"top_k": 40}' };
  return { value: parsed as Record<string, unknown> };
}

export interface DraftCheck {
  /** The fields that are valid, ready to send (unset fields absent). */
  params: ManagedParams;
  errors: Partial<Record<FieldKey, string>>;
}

/** Validates every field; each message names its field, as the API documents it. */
export function checkDraft(draft: ParamsDraft): DraftCheck {
  const params: Record<string, unknown> = {};
  const errors: Partial<Record<FieldKey, string>> = {};
  for (const field of NUMBER_FIELDS) {
    const { value, error } = checkNumber(field, draft.numbers[field.key]);
    if (error) errors[field.key] = error;
    else if (value !== undefined) params[field.key] = value;
  }
  for (const field of BOOL_FIELDS)
    if (draft.bools[field.key] !== null) params[field.key] = draft.bools[field.key];
  if (params.top_logprobs !== undefined && params.logprobs !== true) {
    errors.top_logprobs = 'top_logprobs needs logprobs turned on';
    delete params.top_logprobs;
  }
  const stop = draft.stop.filter((s) => s !== '');
  if (stop.length > STOP_SEQUENCES.max) errors.stop = `stop takes at most ${STOP_SEQUENCES.max} sequences`;
  else if (stop.length > 0) params.stop = stop;
  if (draft.user !== '') params.user = draft.user;
  const bias = checkLogitBias(draft.logitBias);
  if (bias.error) errors.logit_bias = bias.error;
  else if (bias.value) params.logit_bias = bias.value;
  if (draft.responseFormat !== undefined) params.response_format = draft.responseFormat;
  const extra = checkExtraBody(draft.extraBody);
  if (extra.error) errors.extra_body = extra.error;
  else if (extra.value) params.extra_body = extra.value;
  return { params: params as ManagedParams, errors };
}

/**
 * The params to save: the stored ones with this panel's fields replaced. A field with an error
 * keeps its stored value, so one typo does not hold back the other changes; `tool_choice` and
 * anything else the panel does not own pass through untouched.
 */
export function mergeParams(stored: ChatParams, check: DraftCheck): ChatParams {
  const next: Record<string, unknown> = { ...stored };
  for (const key of MANAGED_KEYS) {
    if (check.errors[key as FieldKey] !== undefined) continue;
    if (check.params[key] === undefined) delete next[key];
    else next[key] = check.params[key];
  }
  if (next.top_logprobs !== undefined && next.logprobs !== true) delete next.top_logprobs;
  return next as ChatParams;
}

/** The part of stored params this panel shows, as a stable string to notice outside changes. */
export function managedKey(params: ChatParams): string {
  const picked: Record<string, unknown> = {};
  for (const key of MANAGED_KEYS) if (params[key] !== undefined) picked[key] = params[key];
  return JSON.stringify(picked);
}

/** Params with every field of this panel unset (Reset). */
export function resetParams(stored: ChatParams): ChatParams {
  return mergeParams(stored, { params: {}, errors: {} });
}

/** Main's field errors (`params.temperature: …`) placed on the field they name. */
export function errorsFromIssues(
  issues: readonly { path: string; message: string }[],
): Partial<Record<FieldKey, string>> {
  const errors: Partial<Record<FieldKey, string>> = {};
  for (const issue of issues) {
    const key = issue.path.split('.').find((part) => (MANAGED_KEYS as readonly string[]).includes(part));
    if (key) errors[key as FieldKey] ??= `${key}: ${issue.message}`;
  }
  return errors;
}
