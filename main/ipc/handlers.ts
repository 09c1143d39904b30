import type { ChannelName, EventName, EventPayload, Output, Parsed } from '../contract';

/** Who called: the window (or test-bridge socket) a stream's events go back to. */
export interface CallContext {
  readonly senderId: number;
}

/** Delivers push events: to the window that asked, or to every window. */
export interface EventSink {
  toSender<E extends EventName>(senderId: number, event: E, payload: EventPayload<E>): void;
  broadcast<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export type Handler<C extends ChannelName> = (
  input: Parsed<C>,
  ctx: CallContext,
) => Promise<Output<C>> | Output<C>;

/** One handler per declared channel: a channel without a handler fails to compile. */
export type Handlers = { [C in ChannelName]: Handler<C> };

/** The handlers of one domain (`providers`, `models`, …), so each service file declares its share. */
export type HandlersOf<D extends string> = {
  [C in ChannelName as C extends `${D}:${string}` ? C : never]: Handler<C>;
};
