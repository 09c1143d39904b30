import type { PinChange, PinnedIdentity } from '../contract/attestation';
import type { PinnedIdentity as TrustedPin } from './evidence';
import { lineDiff } from './diff';
import type { AttestationStore } from './store';

/**
 * Pinned identities (trust on first use): what a report's app id and compose hash are held to,
 * and what a change since the pin looks like.
 */
export class Pins {
  constructor(
    private readonly store: AttestationStore,
    private readonly providers: { get(id: string): unknown },
    private readonly now: () => number,
  ) {}

  /** The provider's trusted pins, as a report check and a proof bundle take them. */
  trusted(providerId: string): TrustedPin[] {
    return this.store
      .pins(providerId)
      .filter((p) => p.status === 'trusted')
      .map((p) => ({
        appId: p.appId,
        composeHash: p.composeHash,
        ...(p.compose ? { composeFile: p.compose } : {}),
      }));
  }

  list(providerId: string): PinnedIdentity[] {
    return this.store.pins(providerId);
  }

  pin(providerId: string, appId: string, composeHash: string, compose: string | null): PinnedIdentity[] {
    this.providers.get(providerId);
    this.store.pin(providerId, appId, composeHash, compose, this.now());
    return this.store.pins(providerId);
  }

  /**
   * What a freshly checked report says against the pins: the change (with a diff of the compose
   * files) when its app's compose hash is not the pinned one; otherwise the pin is marked seen.
   */
  compare(
    providerId: string,
    pins: readonly PinnedIdentity[],
    checked: { appId: string | null; composeHash: string | null; compose: string | null },
    nowMs: number,
  ): PinChange | null {
    const pinned = pins.find((p) => p.status === 'trusted' && p.appId === checked.appId);
    const pinChange =
      pinned && checked.composeHash && pinned.composeHash !== checked.composeHash
        ? {
            appId: pinned.appId,
            pinnedHash: pinned.composeHash,
            seenHash: checked.composeHash,
            diff: pinned.compose && checked.compose ? lineDiff(pinned.compose, checked.compose) : '',
          }
        : null;
    if (pinned && !pinChange && checked.composeHash)
      this.store.seen(providerId, pinned.appId, checked.composeHash, nowMs);
    return pinChange;
  }
}
