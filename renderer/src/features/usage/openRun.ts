import type { McpLedgerRun } from '../../../../main/contract';
import { useStore } from '../../store';
import { openMessage } from './openMessage';

/** A tool run opens the answer that called it, as a request row opens its message; else its thread. */
export async function openRun(run: Pick<McpLedgerRun, 'threadId' | 'messageId'>): Promise<void> {
  if (run.threadId === null) return;
  if (run.messageId !== null) return openMessage(run.threadId, run.messageId);
  const state = useStore.getState();
  state.setScreen('chat');
  await state.openThread(run.threadId);
}
