import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** A build of the app served by its own test bridge, in a process of its own. */
export interface ServedBuild {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the test bridge of the tree at `root` (its own main code and its own built renderer) on
 * a copy of `database`, with the demo provider. Each build runs in its own process with its own
 * working directory, so the old and the new build are measured the same way.
 */
export async function serveBuild(root: string, database: string): Promise<ServedBuild> {
  const dataDir = mkdtempSync(join(tmpdir(), 'llm-desk-startup-'));
  copyFileSync(database, join(dataDir, 'llm-desk.sqlite'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'test/bridge/cli.ts', '--demo'], {
    cwd: root,
    env: { ...process.env, LLM_DESK_DATA: dataDir, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const found = /Open:\s+(\S+)/u.exec(log);
      if (found?.[1]) resolve(found[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.on('exit', (code) =>
      reject(new Error(`the bridge of ${root} exited (${code}) before serving:\n${log}`)),
    );
  });
  answerable(join(dataDir, 'llm-desk.sqlite'));
  return {
    url,
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The corpus is written before the demo provider exists, and the demo adds an empty thread of its
 * own that would be the newest. Once the bridge has seeded it, the corpus's newest thread with
 * messages is made the most recent (the one the app opens at start) and put on the demo thread's
 * provider and model, so its message box takes typing, as a user's last thread would.
 */
export function answerable(file: string): void {
  const db = new DatabaseSync(file);
  try {
    db.exec(`UPDATE threads SET (provider_id, model) = (
        SELECT provider_id, model FROM threads WHERE provider_id IS NOT NULL ORDER BY created_at DESC LIMIT 1),
        last_activity_at = (SELECT MAX(last_activity_at) + 1 FROM threads)
      WHERE id = (SELECT t.id FROM threads t WHERE t.message_count > 0 AND t.archived = 0
        AND t.deleted_at IS NULL ORDER BY t.last_activity_at DESC LIMIT 1)`);
  } finally {
    db.close();
  }
}

/** Makes the corpus with the schema of the tree at `root` (see corpus.ts), cached by name. */
export function corpusFile(root: string, name: string, messages: number): string {
  const dir = join(tmpdir(), 'llm-desk-bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `startup-${name}-${messages}.sqlite`);
  if (existsSync(file)) return file;
  const made = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(process.cwd(), 'test/bench/startup/corpus.ts'),
      '--root',
      root,
      '--out',
      `${file}.partial`,
      '--messages',
      String(messages),
    ],
    { cwd: root, stdio: 'inherit' },
  );
  if (made.status !== 0) throw new Error(`could not write the startup corpus with ${root}'s schema`);
  for (const suffix of ['', '-wal', '-shm'])
    if (existsSync(`${file}.partial${suffix}`)) copyFileSync(`${file}.partial${suffix}`, `${file}${suffix}`);
  return file;
}

/**
 * Runs in the page before any of its scripts: after every frame it checks whether the app is usable,
 * and stamps the time (from navigation, performance.now()'s zero) once the paint showing it is done.
 * Typeable: the message box takes typing (not disabled or read-only) and the open thread's messages
 * are on screen; usable: that, with the focus in the message box. It reads only the DOM, so any
 * build can be measured by it.
 */
function probe(): void {
  const composer = () => document.querySelector<HTMLTextAreaElement>('[data-testid="composer"]');
  const typeable = () => {
    const box = composer();
    return (
      box !== null &&
      !box.disabled &&
      !box.readOnly &&
      document.querySelector('[data-testid="message"]') !== null
    );
  };
  const stamp = (name: 'typeable' | 'usable' | 'drawn') =>
    setTimeout(() => console.debug(`llm-desk-probe ${name} ${performance.now()}`), 0);
  let told = { typeable: false, usable: false };
  const check = () => {
    const ready = typeable();
    const focused = ready && document.activeElement === composer();
    // The task after this frame's rAF runs once the frame is painted.
    // Each stamp is told on the console, which the bench listens to: waiting on the page with
    // Playwright's waitForFunction injected its script into the page while the app was starting
    // (~30-50 ms of the page's main thread, right before the first render).
    if (ready && !told.typeable) stamp('typeable');
    if (focused && !told.usable) stamp('usable');
    told = { typeable: told.typeable || ready, usable: told.usable || focused };
    // Drawn by the app itself: its message box, not the first paint's (a copy of the last screen,
    // renderer/src/paint, whose inspector may stay a moment longer as a still picture).
    if (focused && !document.querySelector('#first-paint [data-testid="composer"]')) return stamp('drawn');
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** How long a build that shows a typeable box is given to focus it before it counts as never focusing. */
const FOCUS_GRACE_MS = 3000;

/** What a start found: ms to usable (or to typeable, `focused` false), and to the app's own screen. */
export interface Start {
  ms: number;
  focused: boolean;
  /** ms until the app drew the window itself (the same as `ms` with no first paint). */
  drawnMs: number;
}

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/**
 * A user's profile after one start of `url`: the renderer's storage, with the copy of the chat
 * screen a build keeps for its next start's first paint (renderer/src/paint) once it has written
 * it (a build that keeps none is given up on after `waitMs`). Every counted start begins from
 * it, as a user's second and later starts do; a fresh context each is otherwise a cold start.
 */
export async function profileAfterStart(
  browser: Browser,
  url: string,
  waitMs = 15_000,
): Promise<StorageState> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    const page = await context.newPage();
    await page.goto(url);
    await page
      .waitForFunction(() => localStorage.getItem('llm-desk.first-paint') !== null, null, { timeout: waitMs })
      .catch(() => undefined);
    return await context.storageState();
  } finally {
    await context.close();
  }
}

/**
 * One cold start of `url` in a fresh browser context (with `profile`'s storage): ms from
 * navigation to usable, or, when the build never focuses the message box by itself, to typeable
 * (`focused` false).
 */
export async function firstUsable(
  browser: Browser,
  url: string,
  timeoutMs = 120_000,
  profile?: StorageState,
): Promise<Start> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, storageState: profile });
  try {
    // tsx's keepNames wraps named functions in a Node-only __name(); the page gets a stand-in.
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await context.addInitScript(probe);
    const page = await context.newPage();
    const stamps = probeStamps(page);
    await page.goto(url);
    const typeable = await within(stamps.typeable, timeoutMs, 'the message box never took typing');
    let usable: number;
    try {
      usable = await within(stamps.usable, FOCUS_GRACE_MS, 'never focused');
    } catch {
      return { ms: typeable, focused: false, drawnMs: typeable };
    }
    return {
      ms: usable,
      focused: true,
      drawnMs: await within(stamps.drawn, timeoutMs, 'the app never drew itself'),
    };
  } finally {
    await context.close();
  }
}

/** The probe's stamps, as it tells them on the page's console (no script is run in the page). */
function probeStamps(page: Page): Record<'typeable' | 'usable' | 'drawn', Promise<number>> {
  const resolvers: Partial<Record<string, (ms: number) => void>> = {};
  const promised = (name: string) => new Promise<number>((resolve) => (resolvers[name] = resolve));
  const stamps = { typeable: promised('typeable'), usable: promised('usable'), drawn: promised('drawn') };
  page.on('console', (message) => {
    const told = /^llm-desk-probe (typeable|usable|drawn) ([\d.]+)$/u.exec(message.text());
    if (told?.[1]) resolvers[told[1]]?.(Number(told[2]));
  });
  return stamps;
}

/** `stamp`, or an error once `ms` have passed without it. */
function within(stamp: Promise<number>, ms: number, failure: string): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`startup: ${failure} within ${ms} ms`)), ms);
  });
  return Promise.race([stamp, late]).finally(() => clearTimeout(timer));
}
