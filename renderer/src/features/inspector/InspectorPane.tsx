import { useId, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store';
import type { InspectorTab } from '../../store/inspector/slice';
import { ThreadSettingsPanel } from '../settings/ThreadSettingsPanel';
import { ThreadToolsSection } from '../tools/ThreadToolsSection';
import { CompareTab } from './CompareTab';
import { RequestTab } from './RequestTab';
import './inspector.css';

const TABS: { id: InspectorTab; label: string }[] = [
  { id: 'parameters', label: 'Parameters' },
  { id: 'tools', label: 'Tools' },
  { id: 'request', label: 'Request' },
  { id: 'compare', label: 'Compare' },
];

/** The right-hand pane: the current thread's parameters and tools, and the selected answer's wire view. */
export function InspectorPane() {
  const ids = useId();
  const tabList = useRef<HTMLDivElement>(null);
  const { threadId, tab, setTab } = useStore(
    useShallow((s) => ({ threadId: s.currentThreadId, tab: s.inspectorTab, setTab: s.setInspectorTab })),
  );

  // WAI-ARIA tabs: arrows move and activate, Home/End jump.
  const onKeyDown = (event: KeyboardEvent) => {
    const at = TABS.findIndex((t) => t.id === tab);
    const moves: Record<string, number> = {
      ArrowRight: at + 1,
      ArrowLeft: at - 1,
      Home: 0,
      End: TABS.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = TABS[(target + TABS.length) % TABS.length];
    if (!next) return;
    setTab(next.id);
    tabList.current?.querySelector<HTMLElement>(`#${CSS.escape(`${ids}-tab-${next.id}`)}`)?.focus();
  };

  return (
    <aside className="inspector" aria-label="Inspector">
      <div
        ref={tabList}
        className="inspector-tabs"
        role="tablist"
        aria-label="Inspector sections"
        onKeyDown={onKeyDown}
      >
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`${ids}-tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            aria-controls={`${ids}-panel`}
            tabIndex={tab === t.id ? 0 : -1}
            className={tab === t.id ? 'inspector-tab inspector-tab-active' : 'inspector-tab'}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div
        id={`${ids}-panel`}
        role="tabpanel"
        aria-labelledby={`${ids}-tab-${tab}`}
        className="inspector-panel scroll"
      >
        {threadId === null ? (
          <div className="empty-state inspector-empty">
            <p>Open or start a thread to see its parameters, tools and requests here.</p>
          </div>
        ) : tab === 'parameters' ? (
          <ThreadSettingsPanel threadId={threadId} />
        ) : tab === 'tools' ? (
          <ThreadToolsSection threadId={threadId} />
        ) : tab === 'request' ? (
          <RequestTab threadId={threadId} />
        ) : (
          <CompareTab threadId={threadId} />
        )}
      </div>
    </aside>
  );
}
