/** Reading untrusted JSON without `any`: each accessor names the field it wanted. */
import { EvidenceError } from './bytes';

export type Json = Record<string, unknown>;

export const MAX_JSON_CHARS = 4 * 1024 * 1024;

export function parseJson(text: unknown, what: string): unknown {
  if (typeof text !== 'string') return text;
  if (text.length > MAX_JSON_CHARS)
    throw new EvidenceError(`${what} is ${text.length} characters, more than ${MAX_JSON_CHARS}`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new EvidenceError(`${what} is not JSON`);
  }
}

export function obj(v: unknown, what: string): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new EvidenceError(`${what} is not an object`);
  return v as Json;
}

export function str(v: unknown, what: string): string {
  if (typeof v !== 'string') throw new EvidenceError(`${what} is not a string`);
  return v;
}

export function num(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new EvidenceError(`${what} is not a number`);
  return v;
}

export function arr(v: unknown, what: string): unknown[] {
  if (!Array.isArray(v)) throw new EvidenceError(`${what} is not a list`);
  return v;
}

export function date(v: unknown, what: string): Date {
  const d = new Date(str(v, what));
  if (Number.isNaN(d.getTime())) throw new EvidenceError(`${what} is not a date`);
  return d;
}
