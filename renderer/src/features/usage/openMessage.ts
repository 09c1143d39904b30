import { useStore } from '../../store';

/** Jumps from a ledger row to its message: the chat screen, its thread scrolled to it, the message selected. */
export async function openMessage(threadId: string, messageId: string): Promise<void> {
  const state = useStore.getState();
  state.setScreen('chat');
  await state.openThread(threadId, messageId);
  useStore.getState().selectMessage(messageId);
}
