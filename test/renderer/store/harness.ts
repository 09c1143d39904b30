import { vi, type Mock } from 'vitest';
import type { AppError, ErrorCode } from '../../../main/contract';
import type { Api } from '../../../main/contract/api';

/**
 * The store under test with a fake `window.api`: the bridge reads `window.api` once when it is
 * imported, so the fake is put in place first and the store imported after it. Every method is a
 * `vi.fn` a test gives an answer; push subscriptions keep their listener so a test can fire it.
 */
type Fn = Mock<(...args: never[]) => unknown>;
type FakeApi = Record<string, Record<string, Fn>>;

export const listeners = new Map<string, (payload: never) => void>();

const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value });
export const okResult = <T>(value: T) => ({ ok: true as const, value });
export const errResult = (code: ErrorCode, message: string): { ok: false; error: AppError } => ({
  ok: false,
  error: { code, message },
});

const subscribe = (name: string): Fn =>
  vi.fn((listener: (payload: never) => void) => {
    listeners.set(name, listener);
    return () => listeners.delete(name);
  }) as unknown as Fn;

/** Answers every test gets unless it says otherwise: empty lists, nothing streaming. */
function defaults(): FakeApi {
  return {
    chat: {
      send: vi.fn(),
      stop: vi.fn(() => ok({ stopped: true })),
      regenerate: vi.fn(),
      continue: vi.fn(),
      active: vi.fn(() => ok([])),
      onStream: subscribe('chat.onStream'),
    },
    threads: {
      get: vi.fn(),
      list: vi.fn(() => ok([])),
      update: vi.fn(),
      selectBranch: vi.fn(),
      onChanged: subscribe('threads.onChanged'),
    },
    messages: { edit: vi.fn(), delete: vi.fn() },
    usage: {
      summary: vi.fn(),
      settings: vi.fn(() => ok({ lowBalanceCredits: null })),
      onChanged: subscribe('usage.onChanged'),
    },
    prices: { list: vi.fn(() => ok([])), save: vi.fn(), delete: vi.fn() },
  } as unknown as FakeApi;
}

/** One object for the whole file (the bridge keeps a reference); its methods are replaced per test. */
export const fakeApi: FakeApi = {};

export function resetFakeApi(): void {
  for (const [area, methods] of Object.entries(defaults())) fakeApi[area] = methods;
}

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, v),
  };
}

/** Frames every 16 ms of (fake) time, as the store's tests expect unless one stubs its own. */
export function stubFrames(): void {
  vi.stubGlobal('requestAnimationFrame', (run: () => void) => setTimeout(run, 16));
}

/** Imports the real store against the fake bridge; call once per file, before any test. */
export async function loadStore() {
  resetFakeApi();
  vi.stubGlobal('localStorage', memoryStorage());
  stubFrames();
  // Read the timer functions at call time, so fake timers installed later are the ones used.
  vi.stubGlobal('window', {
    api: fakeApi as unknown as Api,
    setTimeout: (run: () => void, ms?: number) => setTimeout(run, ms),
    clearTimeout: (id?: ReturnType<typeof setTimeout>) => clearTimeout(id),
  });
  const { useStore } = await import('../../../renderer/src/store');
  const initial = useStore.getState();
  /** The zustand testing guide's reset: every test starts from the store's initial state. */
  const resetStore = () => {
    resetFakeApi();
    useStore.setState(initial, true);
  };
  return { useStore, resetStore };
}

/** A promise the test settles when it chooses, to hold a request in flight. */
export function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
