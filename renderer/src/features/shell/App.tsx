import { LucideProvider } from 'lucide-react';
import { Suspense, lazy, useEffect } from 'react';
import { ExperimentsScreen } from '../experiments';
import { ProvidersScreen } from '../providers';
import { ToolsScreen } from '../tools';
import { McpScreen } from '../mcp';
import { UsageScreen } from '../usage';
import { useStore } from '../../store';
import { installBenchHooks } from '../../bench/hooks';
import { ChatPanes } from './ChatPanes';
import { DatabaseDamage } from './DatabaseDamage';
import { NavRail } from './NavRail';
import { ToastView } from './ToastView';
import { useGlobalShortcuts } from './useGlobalShortcuts';
import './shell.css';

// Opened by a shortcut, not part of the first screen: their code loads when first asked for.
const SearchPalette = lazy(() => import('./SearchPalette').then((m) => ({ default: m.SearchPalette })));
const ShortcutsSheet = lazy(() => import('./ShortcutsSheet').then((m) => ({ default: m.ShortcutsSheet })));

export function App() {
  const screen = useStore((s) => s.screen);
  const searchOpen = useStore((s) => s.searchOpen);
  const shortcutsOpen = useStore((s) => s.shortcutsOpen);
  useGlobalShortcuts();

  useEffect(() => {
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
            <Suspense
              fallback={
                <p className="field-hint screen-loading" data-loading>
                  Loading…
                </p>
              }
            >
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
