import type { HandlersOf } from '../ipc/handlers';

type ChatHandlers = HandlersOf<'chat'>;

/** Every channel that sends a request to a provider. */
export const SENDING_CHANNELS = [
  'chat:send',
  'chat:answerTools',
  'chat:regenerate',
  'chat:continue',
  'chat:compare',
] as const;

/**
 * Runs `check` with the thread before each channel that sends to a provider: a check that throws
 * (an AppFailure, which travels as data) stops the send before anything is stored or sent.
 */
export function gateSending(
  handlers: ChatHandlers,
  check: (threadId: string) => Promise<void> | void,
): ChatHandlers {
  const gated = { ...handlers };
  for (const name of SENDING_CHANNELS) {
    const inner = handlers[name] as (input: { threadId: string }, ctx: unknown) => unknown;
    (gated as Record<string, unknown>)[name] = async (input: { threadId: string }, ctx: unknown) => {
      await check(input.threadId);
      return inner(input, ctx);
    };
  }
  return gated;
}
