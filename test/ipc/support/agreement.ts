import { expect } from 'vitest';
import type { ChannelName } from '../../../main/contract';
import { AppError, channelNames, channels } from '../../../main/contract';
import { dispatch } from '../../../main/ipc/dispatch';
import type { Handlers } from '../../../main/ipc/handlers';
import { dotted } from './schemaExamples';

/** Handlers that only record that they ran, and with what. */
export function recording(answer: (name: string) => unknown = () => 'handled') {
  const calls: { name: string; input: unknown }[] = [];
  const map: Record<string, (input: unknown) => unknown> = {};
  for (const name of channelNames)
    map[name] = (input) => {
      calls.push({ name, input });
      return answer(name);
    };
  return { calls, handlers: map as unknown as Handlers };
}

type Verdict = { kind: 'valid'; data: unknown } | { kind: 'invalid'; field: string } | { kind: 'unreadable' };

/** What the channel's own schema says of a payload (dispatch reads a missing payload as `{}`). */
export function verdictOf(name: ChannelName, payload: unknown): Verdict {
  try {
    const parsed = channels[name].input.safeParse(payload ?? {});
    if (parsed.success) return { kind: 'valid', data: parsed.data };
    return { kind: 'invalid', field: dotted(parsed.error.issues[0]?.path ?? []) };
  } catch {
    return { kind: 'unreadable' };
  }
}

/**
 * Dispatch answers as the validator decided: a valid payload reaches the handler exactly once,
 * anything else never does and comes back as invalid_request, in the shape the renderer reads,
 * with the offending field at the front of the message. Returns the answer for further checks.
 */
export async function expectAgreement(name: ChannelName, payload: unknown) {
  const { calls, handlers } = recording();
  const verdict = verdictOf(name, payload);
  const result = await dispatch(handlers, name, payload, { senderId: 1 });
  if (verdict.kind === 'valid') {
    expect(result).toEqual({ ok: true, value: 'handled' });
    expect(calls.map((c) => c.name)).toEqual([name]);
    return { result, verdict, input: calls[0]?.input };
  }
  expect(calls).toEqual([]);
  if (result.ok) throw new Error(`${name} accepted a payload its schema refuses`);
  expect(result.error.code).toBe('invalid_request');
  expect(AppError.safeParse(result.error).success).toBe(true);
  expect(result.error.message.length).toBeGreaterThan(0);
  if (verdict.kind === 'invalid' && verdict.field) {
    expect(result.error.detail?.field).toBe(verdict.field);
    expect(result.error.message.startsWith(`${verdict.field}: `)).toBe(true);
  }
  return { result, verdict, input: undefined };
}

/** The reported field is exactly the mutated place, unions and nested objects included. */
export function expectNames(field: string | undefined, path: readonly (string | number)[]) {
  expect(field).toBe(dotted(path));
}
