import type { Api } from '../../../main/contract/api';

declare global {
  interface Window {
    readonly api: Api;
  }
}

/** The only module that touches `window.api`: the preload (Electron) or the test-bridge shim put it there. */
export const api: Api = window.api;

export type { Api };
