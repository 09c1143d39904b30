import { useStore } from '../store';
import { focusComposer } from './keyboard';

/**
 * Opens a new thread on the chat screen and puts the cursor in its message box, unless the user
 * has moved on meanwhile (opened search, say): focus is never taken from where they now type.
 */
export async function newThreadAndFocus(): Promise<void> {
  const state = useStore.getState();
  const focusedBefore = document.activeElement;
  state.setScreen('chat');
  const id = await state.startNewThread();
  if (!id) return;
  requestAnimationFrame(() => {
    const now = document.activeElement;
    if (now === focusedBefore || now === null || now === document.body) focusComposer();
  });
}
