import type { z } from 'zod';
import type { AppError, ChannelName, Result } from '../contract';
import { AppFailure, channels } from '../contract';
import type { CallContext, Handlers } from './handlers';

const isChannel = (name: string): name is ChannelName => Object.hasOwn(channels, name);

/** Longest path segment named whole: a record key is the sender's text and may be any size. */
const SEGMENT_MAX = 64;

/**
 * The dotted path of a refused field, as it goes in front of the message. A key longer than
 * SEGMENT_MAX is cut with its length, so a 300 KB `logit_bias` key cannot make a 300 KB message.
 */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map(String)
    .map((part) =>
      part.length > SEGMENT_MAX ? `${part.slice(0, SEGMENT_MAX)}…(${part.length} chars)` : part,
    )
    .join('.');
}

function describeIssues(issues: z.core.$ZodIssue[]): AppError {
  const list = issues.map((issue) => ({ path: fieldPath(issue.path), message: issue.message }));
  const first = list[0];
  const where = first?.path ? `${first.path}: ` : '';
  return {
    code: 'invalid_request',
    message: `${where}${first?.message ?? 'invalid request'}`,
    detail: { field: first?.path || undefined, issues: list },
  };
}

/** `instanceof` asks a thrown proxy for its prototype, which may itself throw: that is not a failure. */
function isFailure(error: unknown): error is AppFailure {
  try {
    return error instanceof AppFailure;
  } catch {
    return false;
  }
}

export type Logger = (message: string, error?: unknown) => void;

/**
 * The one entry point for every call from a renderer (IPC or test bridge): the channel must be
 * declared, the payload is parsed from `unknown`, and failures come back as data, never throws.
 */
export async function dispatch(
  handlers: Handlers,
  name: string,
  payload: unknown,
  ctx: CallContext,
  log: Logger = () => {},
): Promise<Result<unknown>> {
  if (!isChannel(name))
    return { ok: false, error: { code: 'invalid_request', message: `unknown channel ${name}` } };
  let parsed: { success: true; data: unknown } | { success: false; error: AppError };
  try {
    const result = channels[name].input.safeParse(payload ?? {});
    // zod writes its issue messages lazily, from the input: they are read inside the try too.
    parsed = result.success ? result : { success: false, error: describeIssues(result.error.issues) };
  } catch (error) {
    // zod reads fields with plain property access: a getter or proxy that throws (possible for
    // in-process callers; IPC and the bridge only carry plain data) escapes safeParse.
    log(`channel ${name}: payload could not be read`, error);
    return { ok: false, error: { code: 'invalid_request', message: 'the request could not be read' } };
  }
  if (!parsed.success) return { ok: false, error: parsed.error };
  try {
    // The map is keyed by the same name as the schema, so the parsed input fits this handler.
    const handler = handlers[name] as (input: unknown, ctx: CallContext) => unknown;
    return { ok: true, value: await handler(parsed.data, ctx) };
  } catch (error) {
    if (isFailure(error)) return { ok: false, error: error.error };
    log(`channel ${name} failed`, error);
    return {
      ok: false,
      error: { code: 'internal', message: 'Something went wrong inside the app. Details are in the log.' },
    };
  }
}
