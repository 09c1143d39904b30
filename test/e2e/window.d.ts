import type { Api } from '../../main/contract/api';

// Page code in e2e tests runs against the same window.api the renderer sees.
declare global {
  interface Window {
    readonly api: Api;
  }
}

export {};
