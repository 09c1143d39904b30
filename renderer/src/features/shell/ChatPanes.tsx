import { useLayoutEffect, useRef } from 'react';
import { ConversationPane } from '../conversation';
import { InspectorPane } from '../inspector';
import { ThreadsPane } from '../threads';
import { useStore } from '../../store';
import { focusComposer } from '../../platform/keyboard';
import { OverlayPanel } from '../../ui/OverlayPanel';
import { useNarrowLayout } from './useNarrowLayout';

/** The thread header's toggle: a press on it is not "outside", and Esc gives it focus back. */
const inspectorButton = () => document.querySelector<HTMLElement>('button[aria-label="Inspector"]');

/** Opened over the conversation, the keyboard goes with it, to the selected section's tab. */
const selectedTab = (panel: HTMLElement) =>
  // Not while narrowing has just folded a stale open state away (that would take focus on start).
  useStore.getState().inspectorOpen
    ? panel.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')
    : null;

/**
 * Threads · conversation · inspector. Wide, the inspector is a column; narrow (see
 * useNarrowLayout), it starts folded and opens over the conversation's right edge, so the
 * conversation keeps its width, as a non-modal ui/OverlayPanel: Esc (focus back on the Inspector
 * button) or a press anywhere else folds it again, and that press still does what it says.
 */
export function ChatPanes() {
  const inspectorOpen = useStore((s) => s.inspectorOpen);
  const toggleInspector = useStore((s) => s.toggleInspector);
  const narrow = useNarrowLayout();
  // The docked preference, kept while narrow folds the inspector away, back when it widens.
  const wideOpen = useRef<boolean | null>(null);

  // Before paint, so a narrow window never flashes the docked inspector over the conversation.
  useLayoutEffect(() => {
    if (narrow && wideOpen.current === null) {
      wideOpen.current = useStore.getState().inspectorOpen;
      toggleInspector(false);
    } else if (!narrow && wideOpen.current !== null) {
      toggleInspector(wideOpen.current);
      wideOpen.current = null;
    }
  }, [narrow, toggleInspector]);

  const overlay = narrow && inspectorOpen;
  return (
    <div
      className={narrow ? 'panes panes-2 panes-narrow' : inspectorOpen ? 'panes panes-3' : 'panes panes-2'}
    >
      <ThreadsPane />
      <ConversationPane />
      {overlay ? (
        <OverlayPanel
          className="inspector-overlay"
          onClose={() => toggleInspector(false)}
          trigger={inspectorButton}
          onEscapeWithoutTrigger={focusComposer}
          initialFocus={selectedTab}
        >
          <InspectorPane />
        </OverlayPanel>
      ) : inspectorOpen ? (
        <InspectorPane />
      ) : null}
    </div>
  );
}
