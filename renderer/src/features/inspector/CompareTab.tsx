import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store';
import { AnswerCaption } from './AnswerCaption';
import { CompareForm } from './CompareForm';
import { CompareView } from './CompareView';
import { useInspectedAnswer } from './useInspectedAnswer';

/** Re-run the inspected answer's request with one change and read the answers side by side. */
export function CompareTab({ threadId }: { threadId: string }) {
  const inspected = useInspectedAnswer(threadId);
  const { allRuns, clear } = useStore(
    useShallow((s) => ({ allRuns: s.compareRuns, clear: s.clearCompareRuns })),
  );
  const [wide, setWide] = useState(false);
  const messageId = inspected?.message.id;
  const runs = useMemo(() => allRuns.filter((r) => r.sourceMessageId === messageId), [allRuns, messageId]);

  if (!inspected) {
    return (
      <div className="empty-state inspector-empty">
        <p>
          No answers yet. Send a message, then compare its answer against a changed parameter or another
          model.
        </p>
      </div>
    );
  }
  const { message, fallback } = inspected;
  return (
    <div className="inspector-stack">
      <AnswerCaption message={message} fallback={fallback} />
      <CompareForm threadId={threadId} message={message} onStarted={() => setWide(true)} />
      {runs.length > 0 ? (
        <>
          <div className="inspector-compare-bar">
            <span className="section-title">
              {runs.length} re-run{runs.length === 1 ? '' : 's'}
            </span>
            <button type="button" className="btn btn-ghost inspector-mini-btn" onClick={() => setWide(true)}>
              Side by side
            </button>
            <button
              type="button"
              className="btn btn-ghost inspector-mini-btn"
              onClick={() => clear(message.id)}
            >
              Clear
            </button>
          </div>
          <CompareView threadId={threadId} original={message} runs={runs} layout="stacked" />
          {wide ? (
            <CompareView
              threadId={threadId}
              original={message}
              runs={runs}
              layout="wide"
              onClose={() => setWide(false)}
            />
          ) : null}
        </>
      ) : (
        <p className="field-hint">
          Each re-run sends the same messages with your one change. The conversation stays on the original
          until you pick “Continue with this” on a re-run.
        </p>
      )}
    </div>
  );
}
