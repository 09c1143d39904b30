import type { ChannelName, EventName, EventPayload, Input, Output } from './index';
// The names only, never `./index` at run time: the preload and the shim would build every zod
// schema of the contract in the page before its first paint.
import { channelNames, eventNames } from './names';
import type { Result } from './errors';

type DomainOf<K extends string> = K extends `${infer D}:${string}` ? D : never;
type VerbOf<K extends string, D extends string> = K extends `${D}:${infer V}` ? V : never;
type EventMethod<V extends string> = `on${Capitalize<V>}`;

type Unsubscribe = () => void;

/**
 * `window.api`: one named method per channel (`providers:list` → `api.providers.list`) and one
 * subscriber per push event (`chat:stream` → `api.chat.onStream`), each returning its unsubscribe.
 */
export type Api = {
  readonly [D in DomainOf<ChannelName> | DomainOf<EventName>]: {
    readonly [C in ChannelName as VerbOf<C, D> extends never ? never : VerbOf<C, D>]: (
      input: Input<C>,
    ) => Promise<Result<Output<C>>>;
  } & {
    readonly [E in EventName as VerbOf<E, D> extends never ? never : EventMethod<VerbOf<E, D>>]: (
      listener: (payload: EventPayload<E>) => void,
    ) => Unsubscribe;
  };
};

export type Invoke = (channel: ChannelName, input: unknown) => Promise<unknown>;
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => Unsubscribe;

const split = (name: string): [string, string] => {
  const at = name.indexOf(':');
  return [name.slice(0, at), name.slice(at + 1)];
};

/**
 * Builds the `window.api` object from the contract: used by the preload (over ipcRenderer) and
 * the browser shim (over the test bridge's WebSocket), so both expose exactly the declared methods.
 */
export function buildApi(invoke: Invoke, subscribe: Subscribe): Api {
  const domains: Record<string, Record<string, unknown>> = {};
  const domain = (d: string) => (domains[d] ??= {});
  for (const name of channelNames) {
    const [d, verb] = split(name);
    domain(d)[verb] = (input: unknown) => invoke(name, input ?? {});
  }
  for (const name of eventNames) {
    const [d, verb] = split(name);
    domain(d)[`on${verb[0]?.toUpperCase()}${verb.slice(1)}`] = (listener: (payload: unknown) => void) =>
      subscribe(name, listener);
  }
  for (const value of Object.values(domains)) Object.freeze(value);
  // The structural type is produced by construction above; TypeScript cannot follow the loop.
  return Object.freeze(domains) as unknown as Api;
}
