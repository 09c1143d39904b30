import { Suspense, lazy, memo, useDeferredValue } from 'react';
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

// Memoised: while the next thread's panel waits for its deferred render, the pane's other
// renders (the thread switched, its details arrived) must not render the shown panel again.
const TabContent = memo(function TabContent({ tab, threadId }: { tab: InspectorTab; threadId: string }) {
  if (tab === 'parameters') return <ThreadSettingsPanel threadId={threadId} />;
  if (tab === 'tools') return <ThreadToolsSection threadId={threadId} />;
  if (tab === 'request') return <RequestTab threadId={threadId} />;
  return <CompareTab threadId={threadId} />;
});

/**
 * A tab's content for the current thread. It follows the thread itself, so opening another thread
 * renders only this: the tabs around it (React Aria's collection of four tabs, their press and
 * focus hooks) stayed put but were rendered again with every thread opened.
 */
const InspectorTabBody = memo(function InspectorTabBody({ tab }: { tab: InspectorTab }) {
  const threadId = useStore((s) => s.currentThreadId);
  // Opening a thread mounted its messages and its whole parameter panel in one task, the panel
  // being the larger half (issue 12: the opening frame over 50 ms). The panel of a loaded thread
  // follows in a deferred render, which React interrupts every few milliseconds for frames; until
  // then the previous thread's panel stays, inert, and "Loading…" shows while details load.
  const ready = useStore((s) => (threadId !== null && s.details[threadId] !== undefined ? threadId : null));
  // At start too: the window's first render has the reopened thread already (the entry waits for
  // it), and its panel (a dozen number fields, selects and switches) would join that first task.
  const shown = useDeferredValue(ready, null);
  if (threadId === null) {
    return (
      <div className="empty-state inspector-empty">
        <p>Open or start a thread to see its parameters, tools and requests here.</p>
      </div>
    );
  }
  return (
    <Suspense
      fallback={
        <p className="field-hint" data-loading>
          Loading…
        </p>
      }
    >
      {shown === null ? (
        <p className="field-hint" data-loading>
          Loading…
        </p>
      ) : (
        <div inert={shown !== threadId} aria-busy={shown !== threadId}>
          <TabContent tab={tab} threadId={shown} />
        </div>
      )}
    </Suspense>
  );
});

/** The right-hand pane: the current thread's parameters and tools, and the selected answer's wire view. */
export function InspectorPane() {
  const { tab, setTab } = useStore(useShallow((s) => ({ tab: s.inspectorTab, setTab: s.setInspectorTab })));
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
            <InspectorTabBody tab={t.id} />
          </TabPanel>
        ))}
      </Tabs>
    </aside>
  );
}
