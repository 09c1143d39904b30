import type { AppInfo } from '../contract';
import type { DatabaseHealth } from '../db/health';
import { AppFailure } from '../contract';
import type { HandlersOf } from '../ipc/handlers';

export interface AppDeps {
  info: Omit<AppInfo, 'notices'>;
  /** Things to tell the user once, e.g. that a damaged database was copied aside. */
  notices: () => string[];
  openExternal: (url: string) => Promise<void>;
  database: Pick<DatabaseHealth, 'status' | 'saveReadable' | 'startFresh'>;
}

/** Links from rendered answers: only https:, without credentials, ever reach the system browser. */
function checkExternalUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppFailure('invalid_request', `Not a link: ${raw.slice(0, 80)}`);
  }
  if (url.protocol !== 'https:')
    throw new AppFailure(
      'invalid_request',
      `Only https: links open outside the app (this one is ${url.protocol}).`,
    );
  if (url.username || url.password)
    throw new AppFailure('invalid_request', 'Links with credentials in them are not opened.');
  return url.toString();
}

export function appHandlers(deps: AppDeps): HandlersOf<'app'> {
  return {
    'app:info': () => ({ ...deps.info, notices: deps.notices() }),
    'app:openExternal': async ({ url }) => {
      await deps.openExternal(checkExternalUrl(url));
      return { opened: true };
    },
    'app:databaseStatus': () => deps.database.status(),
    'app:saveReadable': () => deps.database.saveReadable(),
    'app:startFreshDatabase': ({ keep }) => deps.database.startFresh(keep),
  };
}
