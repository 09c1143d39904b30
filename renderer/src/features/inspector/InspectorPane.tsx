import { Suspense, lazy } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store';
import type { InspectorTab } from '../../store/inspector/slice';
import { Tab, TabList, TabPanel, Tabs } from '../../ui/Tabs';
import { ThreadSettingsPanel } from '../../parts/settings';
import { ThreadToolsSection } from '../../parts/tools';
import './inspector.css';

const TABS: { id: InspectorTab; label: string }[] = [
  { id: 'parameters', label: 'Parameters' },
  { id: 'tools', label: 'Tools' },
  { id: 'request', label: 'Request' },
  { id: 'compare', label: 'Compare' },
];

// The tabs behind the first load when first opened, which keeps them off the first screen's code.
const RequestTab = lazy(() => import('./RequestTab').then((m) => ({ default: m.RequestTab })));
const CompareTab = lazy(() => import('./CompareTab').then((m) => ({ default: m.CompareTab })));

const isTab = (id: string): id is InspectorTab => TABS.some((t) => t.id === id);

function TabContent({ tab, threadId }: { tab: InspectorTab; threadId: string }) {
  if (tab === 'parameters') return <ThreadSettingsPanel threadId={threadId} />;
  if (tab === 'tools') return <ThreadToolsSection threadId={threadId} />;
  if (tab === 'request') return <RequestTab threadId={threadId} />;
  return <CompareTab threadId={threadId} />;
}

/** The right-hand pane: the current thread's parameters and tools, and the selected answer's wire view. */
export function InspectorPane() {
  const { threadId, tab, setTab } = useStore(
    useShallow((s) => ({ threadId: s.currentThreadId, tab: s.inspectorTab, setTab: s.setInspectorTab })),
  );

  return (
    <aside className="inspector" aria-label="Inspector">
      <Tabs selectedKey={tab} onSelectionChange={(id) => isTab(id) && setTab(id)}>
        <TabList aria-label="Inspector sections">
          {TABS.map((t) => (
            <Tab key={t.id} id={t.id}>
              {t.label}
            </Tab>
          ))}
        </TabList>
        {TABS.map((t) => (
          <TabPanel key={t.id} id={t.id} className="inspector-panel scroll">
            {threadId === null ? (
              <div className="empty-state inspector-empty">
                <p>Open or start a thread to see its parameters, tools and requests here.</p>
              </div>
            ) : (
              <Suspense fallback={<p className="field-hint">Loading…</p>}>
                <TabContent tab={t.id} threadId={threadId} />
              </Suspense>
            )}
          </TabPanel>
        ))}
      </Tabs>
    </aside>
  );
}
