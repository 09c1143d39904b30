import type { DatabaseSync } from 'node:sqlite';
import { AppFailure } from '../../contract';
import type { CollateralSetting } from '../../contract/attestation';
import type { AttestationStore } from '../store';
import { CollateralBook } from './book';
import type { CollateralNeed } from './needs';
import { needKey } from './needs';
import type { CollateralSource } from './pcs';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A PCCS serves the root CA CRL itself (PCCS API v4), where Intel's PCS leaves it to its CDN. */
export const pccsSource = (base: string): CollateralSource => ({
  pcsBase: base,
  rootCaCrlUrl: `${base}/sgx/certification/v4/rootcacrl`,
});

/** The base URL as kept, or why it cannot be one (a PCCS over https; http only on this machine). */
function pccsUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new AppFailure(
      'invalid_request',
      `“${text}” is not a URL. Give the PCCS base URL, e.g. https://pccs.example.com:8081.`,
      { detail: { field: 'collateral' } },
    );
  }
  const local = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !local)
    throw new AppFailure(
      'invalid_request',
      `The PCCS must be reached over https (http only on this machine), not ${url.protocol.replace(':', '')}.`,
      { detail: { field: 'collateral' } },
    );
  if (url.username || url.password || url.search || url.hash)
    throw new AppFailure(
      'invalid_request',
      'Give the PCCS base URL alone: no user name, password, query or fragment.',
      { detail: { field: 'collateral' } },
    );
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/**
 * Where each provider's Intel collateral comes from: its own PCCS when the user set one, else the
 * app's source (Intel's PCS; null in tests that never fetch). Every source shares the one cache:
 * collateral is Intel-signed and checked whatever served it, so a copy from either is as good.
 */
export class CollateralSources {
  private readonly books = new Map<string, CollateralBook>();

  constructor(
    private readonly store: Pick<AttestationStore, 'collateralUrl' | 'setCollateralUrl'> & {
      db: DatabaseSync;
    },
    private readonly fetcher: typeof fetch,
    private readonly appSource: CollateralSource | null,
    private readonly now: () => number,
  ) {}

  private sourceFor(providerId: string): CollateralSource | null {
    const own = this.store.collateralUrl(providerId);
    return own === null ? this.appSource : pccsSource(own);
  }

  /** The book that fetches for this provider, or null when collateral is never fetched. */
  bookFor(providerId: string): CollateralBook | null {
    const source = this.sourceFor(providerId);
    if (source === null) return null;
    const key = JSON.stringify(source);
    let book = this.books.get(key);
    if (!book) {
      book = new CollateralBook(this.store.db, this.fetcher, source, this.now);
      this.books.set(key, book);
    }
    return book;
  }

  /** Drops cached copies that did not verify (the cache is shared by every source). */
  forget(needs: readonly CollateralNeed[]): void {
    for (const need of needs)
      this.store.db.prepare('DELETE FROM attestation_collateral WHERE key = ?').run(needKey(need));
  }

  setting(providerId: string): CollateralSetting {
    return {
      providerId,
      url: this.store.collateralUrl(providerId),
      effective: this.sourceFor(providerId)?.pcsBase ?? null,
    };
  }

  /** A blank URL goes back to the app's source. */
  set(providerId: string, url: string | null): CollateralSetting {
    const text = url?.trim() ?? '';
    this.store.setCollateralUrl(providerId, text === '' ? null : pccsUrl(text));
    return this.setting(providerId);
  }
}
