/** A call to main that never answers. */
export const never = () => new Promise<never>(() => undefined);

/**
 * Puts a `window.api` in place for components that call main as they mount when the test is about
 * something else: every subscription does nothing and every call answers as `answer` says for its
 * verb (by default, never). Call it before the store is imported: the bridge reads `window.api` once.
 */
export function installSilentApi(
  answer: (verb: string) => (input: unknown) => Promise<unknown> = () => never,
): void {
  const domain = new Proxy(
    {},
    { get: (_target, verb: string) => (verb.startsWith('on') ? () => () => undefined : answer(verb)) },
  );
  Object.assign(window, { api: new Proxy({}, { get: () => domain }) });
}
