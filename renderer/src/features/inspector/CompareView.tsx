import { useEffect, useMemo, useRef } from 'react';
import type { Message } from '../../../../main/contract/chat';
import { useStore } from '../../store';
import { activePathOf } from '../conversation/path';
import type { CompareRun } from '../../store/inspector/compare';
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
  const dialog = useRef<HTMLDialogElement>(null);
  const detail = useStore((s) => s.details[threadId]);
  const selectBranch = useStore((s) => s.selectBranch);
  const toast = useStore((s) => s.toast);
  const activeIds = useMemo(() => new Set(detail ? activePathOf(detail).map((m) => m.id) : []), [detail]);
  useEffect(() => {
    if (layout !== 'wide') return;
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, [layout]);

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

  if (layout === 'stacked') return columns;
  return (
    <dialog
      ref={dialog}
      className="compare-dialog"
      aria-label="Answers side by side"
      onClose={onClose}
      onCancel={onClose}
    >
      <header className="compare-dialog-head">
        <h2 className="compare-dialog-title">Answers side by side</h2>
        <button type="button" className="btn" onClick={onClose} autoFocus>
          Close <kbd className="kbd">Esc</kbd>
        </button>
      </header>
      {columns}
    </dialog>
  );
}
