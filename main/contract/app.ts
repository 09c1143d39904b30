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

export const appChannels = {
  'app:info': channel(z.object({}), AppInfo),
  /** Opens an https: link in the system browser after main checks it. */
  'app:openExternal': channel(z.object({ url: z.string() }), z.object({ opened: z.boolean() })),
};
