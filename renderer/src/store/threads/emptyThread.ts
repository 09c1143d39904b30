import type { ThreadDetail, ThreadSummary } from '../../../../main/contract';
import type { StreamInfo } from '../conversation/streamReducer';
import { streamOfThread } from '../conversation/streamReducer';

/**
 * The thread "New thread" should open instead of making another: one with no message yet and no
 * answer on its way, not pinned (a pinned empty thread was kept on purpose). The loaded detail
 * knows best; a thread never opened this session goes by its summary's count.
 */
export function reusableEmptyThread(
  threads: readonly ThreadSummary[],
  details: Readonly<Record<string, ThreadDetail | undefined>>,
  streams: Record<string, StreamInfo>,
): ThreadSummary | undefined {
  return threads.find((t) => {
    if (t.pinned || t.archived) return false;
    const detail = details[t.id];
    if (!detail) return t.messageCount === 0;
    return detail.messages.length === 0 && !detail.earlier && streamOfThread(streams, t.id) === null;
  });
}
