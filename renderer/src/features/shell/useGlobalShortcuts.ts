import { useEffect } from 'react';
import { useStore } from '../../store';
import { streamOfThread } from '../../store/conversation/streamReducer';
import { focusComposer, isMac, isTextTarget } from '../../platform/keyboard';
import { matchShortcut } from './shortcuts';
import { newThreadAndFocus } from '../../platform/newThread';

/** The app-wide keyboard shortcuts; dialogs handle their own keys first and stop Esc there. */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const match = matchShortcut(event, isMac, isTextTarget(event.target));
      if (!match) return;
      const s = useStore.getState();
      const dialogOpen = s.searchOpen || s.shortcutsOpen;
      switch (match.id) {
        case 'newThread':
          void newThreadAndFocus();
          break;
        case 'search':
          s.setShortcutsOpen(false);
          s.setSearchOpen(true);
          break;
        case 'switchThread': {
          const list = s.threadsView === 'archived' ? s.archivedThreads : s.threads;
          const target = list[match.index ?? 0];
          if (!target || dialogOpen) return;
          s.setScreen('chat');
          void s.openThread(target.id);
          break;
        }
        case 'prevThread':
        case 'nextThread':
          if (dialogOpen) return;
          s.setScreen('chat');
          s.openNeighbour(match.id === 'prevThread' ? -1 : 1);
          break;
        case 'focusComposer':
          if (dialogOpen) return;
          s.setScreen('chat');
          requestAnimationFrame(focusComposer);
          break;
        case 'stop': {
          const threadId = s.currentThreadId;
          if (dialogOpen || threadId === null || streamOfThread(s.streams, threadId) === null) return;
          void s.stop(threadId);
          break;
        }
        case 'toggleInspector':
          s.toggleInspector();
          break;
        case 'shortcuts':
          if (dialogOpen) return;
          s.setShortcutsOpen(true);
          break;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
