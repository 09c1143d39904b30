/** Plays the system browser for sign-in tests: opens the authorize URL and follows the redirect. */
export interface BrowserVisit {
  authorizeUrl: URL;
  /** Where the provider sent the browser back (the app's loopback listener). */
  redirect: URL;
  status: number;
  page: string;
}

export interface FakeBrowser {
  openExternal: (url: string) => Promise<void>;
  visits: BrowserVisit[];
}

export interface BrowserOptions {
  /** Before the real redirect, hit the listener with this `state` (a forged or stale link). */
  tamperedStateFirst?: string;
  /** Only send the tampered redirect, never the real one. */
  onlyTampered?: boolean;
}

async function visit(url: URL): Promise<{ status: number; page: string }> {
  const response = await fetch(url);
  return { status: response.status, page: await response.text() };
}

export function fakeBrowser(options: BrowserOptions = {}): FakeBrowser {
  const visits: BrowserVisit[] = [];
  const openExternal = async (url: string): Promise<void> => {
    const authorizeUrl = new URL(url);
    const response = await fetch(authorizeUrl, { redirect: 'manual' });
    const location = response.headers.get('location');
    if (response.status !== 302 || location === null) {
      throw new Error(`authorize answered ${response.status}: ${await response.text()}`);
    }
    const redirect = new URL(location);
    if (options.tamperedStateFirst !== undefined) {
      const forged = new URL(redirect);
      forged.searchParams.set('state', options.tamperedStateFirst);
      visits.push({ authorizeUrl, redirect: forged, ...(await visit(forged)) });
      if (options.onlyTampered) return;
    }
    visits.push({ authorizeUrl, redirect, ...(await visit(redirect)) });
  };
  return { openExternal, visits };
}
