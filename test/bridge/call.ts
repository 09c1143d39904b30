import type { ChannelName, Input, Output } from '../../main/contract';
import { dispatch } from '../../main/ipc/dispatch';
import type { Handlers } from '../../main/ipc/handlers';

/** Calls a channel exactly as a renderer would (validation included) and unwraps the result. */
export async function call<C extends ChannelName>(
  handlers: Handlers,
  channel: C,
  input: Input<C>,
  senderId = 0,
): Promise<Output<C>> {
  const result = await dispatch(handlers, channel, input, { senderId });
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
  return result.value as Output<C>;
}
