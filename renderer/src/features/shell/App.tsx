import { LucideProvider } from 'lucide-react';
import { Suspense, lazy, useEffect } from 'react';
import { ExperimentsScreen } from '../experiments';
import { ProvidersScreen } from '../providers';
import { ToolsScreen } from '../tools';
import { McpScreen } from '../mcp';
import { UsageScreen } from '../usage';
import { useStore } from '../../store';
import { installBenchHooks } from '../../bench/hooks';
import { warmUpMarkdown } from '../../markdown/warmup';
import { renderFailed, renderFailures } from '../../platform/renderFailures';
import { loadSchemaCheck } from '../../platform/schemaCheck';
import { ChatPanes } from './ChatPanes';
import { DatabaseDamage } from './DatabaseDamage';
import { NavRail } from './NavRail';
import { ToastView } from './ToastView';
import { useGlobalShortcuts } from './useGlobalShortcuts';
import './shell.css';

// Opened by a shortcut, not part of the first screen: their code loads when first asked for.
const SearchPalette = lazy(() => import('./SearchPalette').then((m) => ({ default: m.SearchPalette })));
const ShortcutsSheet = lazy(() => import('./ShortcutsSheet').then((m) => ({ default: m.ShortcutsSheet })));

/**
 * Loads what every screen needs once and opens the most recent thread, unless rendering it failed
 * before: a thread that broke the window must not break it again on every start. The thread is
 * asked for beside the list (threads:opening), not after it: on a large history the two in series
 * were most of the wait for a usable window.
 */
async function bootstrap(): Promise<void> {
  const s = useStore.getState();
  s.startConversationSync();
  s.ensureProvidersSync();
  let shown: Promise<void> = Promise.resolve();
  const opened = s.openFirstThread(renderFailures()).then((ok) => {
    if (ok) shown = focusComposerOnceShown();
    return ok;
  });
  // Its own chunk, off the first screen's scripts: loaded while the page waits on main's answers.
  void loadSchemaCheck();
  await s.loadThreads(FIRST_SCREEN_ROWS);
  if (!(await opened)) {
    const { currentThreadId, threads } = useStore.getState();
    const first = threads[0];
    if (currentThreadId === null && first && !renderFailed(first.id)) {
      await useStore.getState().openThread(first.id);
      shown = focusComposerOnceShown();
    }
  }
  // The whole list once the thread is on screen and the page is idle: taking in 2,281 summaries
  // (666 KB) held the page ~300 ms between the thread's answer and its first paint, and in the
  // frame after the focus it still delayed the first keystroke's paint.
  await shown;
  await idle();
  await useStore.getState().loadThreads();
  // Only once the window is usable: compiling grammars and KaTeX's tables meanwhile delayed it.
  warmUpMarkdown();
}

/** The page's next idle moment (at most half a second away). */
const idle = () => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 500 }));

/** The threads pane's rows at start: more than a tall window shows (the rest follows at once). */
const FIRST_SCREEN_ROWS = 100;

/**
 * Typing can start at once: the reopened thread's message box takes the focus as soon as it is
 * drawn and enabled (a few frames at most), unless the user has already put the focus elsewhere.
 * Resolves after the frame that drew it (or when it gives up).
 */
function focusComposerOnceShown(frames = 60): Promise<void> {
  return new Promise((resolve) => {
    const look = (left: number) =>
      requestAnimationFrame(() => {
        const composer = document.querySelector<HTMLTextAreaElement>('[data-testid="composer"]');
        const drawn = composer !== null && !composer.disabled;
        const focused = document.activeElement;
        if (drawn && (focused === null || focused === document.body)) composer.focus();
        // After this frame is painted.
        if (drawn || left === 0) setTimeout(resolve, 0);
        else look(left - 1);
      });
    look(frames);
  });
}

export function App() {
  const screen = useStore((s) => s.screen);
  const searchOpen = useStore((s) => s.searchOpen);
  const shortcutsOpen = useStore((s) => s.shortcutsOpen);
  useGlobalShortcuts();

  useEffect(() => {
    void bootstrap();
    installBenchHooks();
  }, []);

  // One size and weight for every icon; the few that differ say so where they are drawn.
  return (
    <LucideProvider size={16} strokeWidth={1.75}>
      <div className="shell">
        <NavRail />
        {screen === 'chat' ? (
          <ChatPanes />
        ) : (
          <main className="screen">
            <Suspense fallback={<p className="field-hint screen-loading">Loading…</p>}>
              {screen === 'providers' ? <ProvidersScreen /> : null}
              {screen === 'tools' ? <ToolsScreen /> : null}
              {screen === 'mcp' ? <McpScreen /> : null}
              {screen === 'usage' ? <UsageScreen /> : null}
              {screen === 'experiments' ? <ExperimentsScreen /> : null}
            </Suspense>
          </main>
        )}
        <Suspense fallback={null}>
          {searchOpen ? <SearchPalette /> : null}
          {shortcutsOpen ? <ShortcutsSheet /> : null}
        </Suspense>
        <ToastView />
        <DatabaseDamage />
      </div>
    </LucideProvider>
  );
}
