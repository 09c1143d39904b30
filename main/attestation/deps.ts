import type { Provider } from '../contract';
import type { EventSink } from '../ipc/handlers';
import type { ProbeOptions } from './channel';
import type { CollateralSource } from './collateral/pcs';
import type { AttestationStore } from './store';
import type { EvidenceWorkerSpec } from './worker/client';

/** What the composition root may override (tests): the worker, the collateral source, the TLS probe. */
export interface AttestationOptions {
  /** The evidence worker; null checks reports on this thread (unit tests). */
  worker?: EvidenceWorkerSpec | null;
  /** Where Intel collateral is fetched: Intel's PCS by default, a PCCS, or null for never. */
  collateral?: CollateralSource | null;
  /** The TLS probe for channel binding (extra CAs in tests); null never probes. */
  tls?: ProbeOptions | null;
}

/** What the attestation service and its parts are built from (services.ts composes it). */
export interface AttestationDeps extends AttestationOptions {
  store: AttestationStore;
  providers: { get(id: string): Provider; requestAuth(id: string): Promise<Record<string, string>> };
  /** Whether the provider labels the model confidential. */
  confidential: (providerId: string, model: string) => Promise<boolean>;
  fetch: typeof fetch;
  events: Pick<EventSink, 'broadcast'>;
  now?: () => number;
  log?: (message: string) => void;
}
