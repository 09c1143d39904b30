import { useMemo } from 'react';
import { useStore } from '../../store';
import { activePathOf } from '../../store/conversation/branches';
import type { InspectedAnswer } from './selection';
import { inspectedAnswer } from './selection';

/** The answer the Request and Compare tabs describe, kept live while it streams. */
export function useInspectedAnswer(threadId: string): InspectedAnswer | null {
  const detail = useStore((s) => s.details[threadId]);
  const selectedId = useStore((s) => s.selectedMessageId);
  return useMemo(
    () => (detail ? inspectedAnswer(selectedId, detail.messages, activePathOf(detail)) : null),
    [detail, selectedId],
  );
}
