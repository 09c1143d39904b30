import type { z } from 'zod';

/** One request/response channel: the validator for what arrives from the renderer and the type that goes back. */
export interface Channel<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
}

export const channel = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): Channel<I, O> => ({
  input,
  output,
});

/** Channel names are `domain:verb`; the verb becomes the method name on `window.api[domain]`. */
export type ChannelKey = `${string}:${string}`;
