import { create } from 'zustand';
import type {
  AnswerVerdict,
  AppError,
  AttestationReport,
  CollateralSetting,
  PinnedIdentity,
  ProviderAttestation,
} from '../../../../main/contract';
import { ANSWERS_PER_CALL } from '../../../../main/contract/attestation';
import { api } from '../../bridge/api';

/**
 * Attestation state: each answer's verdict (the shield), each provider's current attestation (the
 * composer badge) and the last report checked in the panel. Its own small store: verdicts arrive
 * as `attestation:changed` pushes, independent of the conversation's stream.
 */
export interface AttestationState {
  /** The verdicts of verified answers; an answer main has none for is never listed. */
  verdicts: Record<string, AnswerVerdict | undefined>;
  providers: Record<string, ProviderAttestation | undefined>;
  reports: Record<string, AttestationReport | undefined>;
  pins: Record<string, PinnedIdentity[] | undefined>;
  checking: Record<string, boolean>;
  errors: Record<string, AppError | undefined>;
  /** Where each provider's Intel collateral comes from (its PCCS, else the app's source). */
  collateral: Record<string, CollateralSetting | undefined>;
  load(messageId: string): void;
  reverify(messageId: string): Promise<void>;
  exportProof(messageId: string): Promise<AppError | null>;
  loadProvider(providerId: string, model?: string): Promise<void>;
  check(providerId: string, model?: string): Promise<void>;
  setRequire(providerId: string, require: boolean): Promise<void>;
  pin(providerId: string, appId: string, composeHash: string, compose: string | null): Promise<void>;
  loadCollateral(providerId: string): Promise<void>;
  /** Null when saved; else why not (the field shows it, the setting is unchanged). */
  setCollateral(providerId: string, url: string | null): Promise<string | null>;
}

let subscribed = false;
/** Answers asked for and not yet answered. */
const pending = new Set<string>();
/**
 * Answers main has no verdict for: most of a long thread. Kept here, not in `verdicts`, so that
 * learning it costs no store update (each copied every verdict known so far) and draws nothing.
 */
const unverified = new Set<string>();
/** Answers asked for since the last call went out: sent together once the render is done. */
let queued: string[] = [];

export const useAttestation = create<AttestationState>()((set, get) => {
  const subscribe = () => {
    if (subscribed) return;
    subscribed = true;
    api.attestation.onChanged((change) => {
      if (change.verdict) {
        const verdict = change.verdict;
        set((s) => ({ verdicts: { ...s.verdicts, [verdict.messageId]: verdict } }));
      }
      if (change.provider) {
        const provider = change.provider;
        set((s) => ({ providers: { ...s.providers, [provider.providerId]: provider } }));
      }
    });
  };
  const askQueued = () => {
    const ids = queued;
    queued = [];
    for (let at = 0; at < ids.length; at += ANSWERS_PER_CALL) {
      const some = ids.slice(at, at + ANSWERS_PER_CALL);
      void api.attestation.answers({ messageIds: some }).then((result) => {
        for (const id of some) pending.delete(id);
        if (!result.ok) return;
        // A push may have arrived meanwhile: it is newer than this answer.
        const fresh: [string, AnswerVerdict][] = [];
        for (const [id, verdict] of Object.entries(result.value)) {
          if (verdict === null) unverified.add(id);
          else if (get().verdicts[id] === undefined) fresh.push([id, verdict]);
        }
        if (fresh.length > 0) set((s) => ({ verdicts: { ...s.verdicts, ...Object.fromEntries(fresh) } }));
      });
    }
  };
  const fail = (key: string, error: AppError) => set((s) => ({ errors: { ...s.errors, [key]: error } }));
  return {
    verdicts: {},
    providers: {},
    reports: {},
    pins: {},
    checking: {},
    errors: {},
    collateral: {},
    load(messageId) {
      subscribe();
      if (get().verdicts[messageId] !== undefined || pending.has(messageId) || unverified.has(messageId))
        return;
      pending.add(messageId);
      queued.push(messageId);
      // Every shield drawn in one render asks in the same task: one call and one store update
      // for them all (a call each was thousands while a long thread scrolled by).
      if (queued.length === 1) queueMicrotask(askQueued);
    },
    async reverify(messageId) {
      subscribe();
      const result = await api.attestation.reverify({ messageId });
      if (result.ok) set((s) => ({ verdicts: { ...s.verdicts, [messageId]: result.value } }));
      else fail(messageId, result.error);
    },
    async exportProof(messageId) {
      const result = await api.attestation.exportProof({ messageId });
      if (!result.ok) return result.error;
      const url = URL.createObjectURL(new Blob([result.value.text], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = result.value.fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
      return null;
    },
    async loadProvider(providerId, model) {
      subscribe();
      const before = get().providers[providerId];
      const result = await api.attestation.provider({ providerId, ...(model ? { model } : {}) });
      // A push that arrived meanwhile is the finished check: the "checking" answer is older.
      if (result.ok && get().providers[providerId] === before)
        set((s) => ({ providers: { ...s.providers, [providerId]: result.value } }));
    },
    async check(providerId, model) {
      subscribe();
      set((s) => ({
        checking: { ...s.checking, [providerId]: true },
        errors: { ...s.errors, [providerId]: undefined },
      }));
      const result = await api.attestation.check({ providerId, ...(model ? { model } : {}) });
      set((s) => ({ checking: { ...s.checking, [providerId]: false } }));
      if (result.ok)
        set((s) => ({
          reports: { ...s.reports, [providerId]: result.value },
          pins: { ...s.pins, [providerId]: result.value.pins },
        }));
      else fail(providerId, result.error);
    },
    async setRequire(providerId, require) {
      const result = await api.attestation.setRequire({ providerId, require });
      if (result.ok) set((s) => ({ providers: { ...s.providers, [providerId]: result.value } }));
      else fail(providerId, result.error);
    },
    async loadCollateral(providerId) {
      const result = await api.attestation.collateral({ providerId });
      if (result.ok) set((s) => ({ collateral: { ...s.collateral, [providerId]: result.value } }));
    },
    async setCollateral(providerId, url) {
      const result = await api.attestation.setCollateral({ providerId, url });
      if (!result.ok) return result.error.message;
      set((s) => ({ collateral: { ...s.collateral, [providerId]: result.value } }));
      return null;
    },
    async pin(providerId, appId, composeHash, compose) {
      const result = await api.attestation.pin({ providerId, appId, composeHash, compose });
      if (!result.ok) return fail(providerId, result.error);
      set((s) => ({ pins: { ...s.pins, [providerId]: result.value } }));
      await get().check(providerId, get().reports[providerId]?.model ?? undefined);
    },
  };
});
