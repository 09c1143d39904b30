import { z } from 'zod';
import { channel } from './define';

export const AppInfo = z.object({
  version: z.string(),
  platform: z.string(),
  /** `electron` in the desktop app, `browser` through the test bridge. */
  shell: z.enum(['electron', 'browser']),
  dataDir: z.string(),
  notices: z.array(z.string()),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** The database's health: `unchecked` until the background check after start has finished. */
export const DatabaseStatus = z.object({
  state: z.enum(['unchecked', 'ok', 'damaged']),
  /** What to tell the user when damaged: what happened, where the copy is, what is stopped. */
  message: z.string().nullable(),
  /** The damaged file's copy; its WAL sits beside it as `<aside>-wal`, so the pair opens. */
  aside: z.string().nullable(),
  /** The database of readable rows, once the user saved it. */
  savedCopy: z.string().nullable(),
});
export type DatabaseStatus = z.infer<typeof DatabaseStatus>;

export const SalvagedTable = z.object({ name: z.string(), rows: z.number(), complete: z.boolean() });
export type SalvagedTable = z.infer<typeof SalvagedTable>;

export const appChannels = {
  'app:info': channel(z.object({}), AppInfo),
  /** Opens an https: link in the system browser after main checks it. */
  'app:openExternal': channel(z.object({ url: z.string() }), z.object({ opened: z.boolean() })),
  'app:databaseStatus': channel(z.object({}), DatabaseStatus),
  /** Copies every row that can still be read from a damaged database into a new file. */
  'app:saveReadable': channel(z.object({}), z.object({ file: z.string(), tables: z.array(SalvagedTable) })),
  /**
   * Restarts on a new database: empty, or the saved readable copy. The damaged pair is kept.
   * `restarting` is false where the shell cannot restart itself (then the next start switches).
   */
  'app:startFreshDatabase': channel(
    z.object({ keep: z.enum(['nothing', 'readable']) }),
    z.object({ restarting: z.boolean() }),
  ),
};

export const appEvents = {
  /** The database turned out damaged (at start or at any time after): writing has stopped. */
  'app:databaseDamaged': DatabaseStatus,
};
