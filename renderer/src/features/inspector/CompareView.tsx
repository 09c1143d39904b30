import { useMemo } from 'react';
import type { Message } from '../../../../main/contract/chat';
import { useStore } from '../../store';
import { activePathOf } from '../../store/conversation/branches';
import type { CompareRun } from '../../store/inspector/compare';
import { Dialog } from '../../ui';
import { CompareColumn } from './CompareColumn';

interface CompareViewProps {
  threadId: string;
  original: Message;
  runs: readonly CompareRun[];
  /** `stacked` fits the narrow pane; `wide` opens a dialog with the answers in columns. */
  layout: 'stacked' | 'wide';
  onClose?(): void;
}

/**
 * The original answer and its re-runs. A re-run never moves the conversation: it continues from
 * the branch it was on until the user picks "Continue with this" on a re-run's answer.
 */
export function CompareView({ threadId, original, runs, layout, onClose }: CompareViewProps) {
  const detail = useStore((s) => s.details[threadId]);
  const selectBranch = useStore((s) => s.selectBranch);
  const toast = useStore((s) => s.toast);
  const activeIds = useMemo(() => new Set(detail ? activePathOf(detail).map((m) => m.id) : []), [detail]);

  const onContinue = (messageId: string) =>
    void selectBranch(threadId, messageId).then(() =>
      toast('info', 'The conversation now continues from the re-run’s answer.'),
    );

  const columns = (
    <div className={layout === 'wide' ? 'compare-columns' : 'compare-stack'}>
      <CompareColumn
        title="Original"
        messages={[original]}
        done={original.status !== 'streaming'}
        activeIds={activeIds}
        onContinue={onContinue}
      />
      {runs.map((run) => (
        <CompareColumn
          key={run.streamId}
          title={run.label}
          messages={run.messages}
          done={run.done}
          original={original}
          activeIds={activeIds}
          onContinue={onContinue}
        />
      ))}
    </div>
  );

  if (layout === 'stacked' || !onClose) return columns;
  return (
    <Dialog
      title="Answers side by side"
      size="lg"
      onClose={onClose}
      className="compare-dialog"
      headerExtra={
        <button type="button" className="btn" onClick={onClose} autoFocus>
          Close <kbd className="kbd">Esc</kbd>
        </button>
      }
    >
      {columns}
    </Dialog>
  );
}
