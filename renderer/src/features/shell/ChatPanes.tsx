import { useEffect, useLayoutEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { ConversationPane } from '../conversation';
import { InspectorPane } from '../inspector';
import { ThreadsPane } from '../threads';
import { useStore } from '../../store';
import { focusComposer } from '../../platform/keyboard';
import { useNarrowLayout } from './useNarrowLayout';

/** Elements that close themselves on Esc: the inspector overlay must not fold under them. */
const OWN_ESCAPE =
  'dialog, [role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"], [aria-expanded="true"]';

/**
 * Threads · conversation · inspector. Wide, the inspector is a column; narrow (see
 * useNarrowLayout), it starts folded and opens over the conversation's right edge, so the
 * conversation keeps its width. Esc, or a click in the conversation, folds it again.
 */
export function ChatPanes() {
  const inspectorOpen = useStore((s) => s.inspectorOpen);
  const toggleInspector = useStore((s) => s.toggleInspector);
  const narrow = useNarrowLayout();
  const overlayRef = useRef<HTMLDivElement>(null);
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
  useEffect(() => {
    // Not the stale open state that narrowing has just folded (that would take focus on start).
    if (!overlay || !useStore.getState().inspectorOpen) return;
    // Opened over the conversation: the keyboard goes with it, so Esc can fold it again.
    const panel = overlayRef.current;
    // A frame later: the tab strip (a React Aria collection) renders its tabs after its first commit.
    const frame = requestAnimationFrame(() => {
      if (panel && !panel.contains(document.activeElement)) {
        panel.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
      }
    });
    const onDown = (e: MouseEvent) => {
      const target = e.target as Element | null;
      // Dialogs the inspector opens (the model picker) live in the top layer, not inside it.
      // Nor is its own toggle, which would otherwise fold it here and open it again on click.
      if (target?.closest('.inspector-overlay, dialog, [role="dialog"], [aria-label="Inspector"]')) return;
      if (target?.closest('.conversation')) toggleInspector(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('mousedown', onDown);
    };
  }, [overlay, toggleInspector]);

  // In the capture phase: the inspector's widgets (its tabs among them) keep their keys to
  // themselves once they have handled them. Overlays opened from it (the presets popover, the
  // model picker, a menu, a listbox) take their own Esc, so they are left alone.
  const onOverlayKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    if ((e.target as Element).closest(OWN_ESCAPE)) return;
    e.preventDefault();
    toggleInspector(false);
    requestAnimationFrame(focusComposer);
  };

  return (
    <div
      className={narrow ? 'panes panes-2 panes-narrow' : inspectorOpen ? 'panes panes-3' : 'panes panes-2'}
    >
      <ThreadsPane />
      <ConversationPane />
      {overlay ? (
        <div ref={overlayRef} className="inspector-overlay" onKeyDownCapture={onOverlayKey}>
          <InspectorPane />
        </div>
      ) : inspectorOpen ? (
        <InspectorPane />
      ) : null}
    </div>
  );
}
