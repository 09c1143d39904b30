import { useEffect, useRef } from 'react';
import type { Message } from '../../../../main/contract/chat';
import type { CompareRun } from './compare';
import { CompareColumn } from './CompareColumn';

interface CompareViewProps {
  original: Message;
  runs: readonly CompareRun[];
  /** `stacked` fits the narrow pane; `wide` opens a dialog with the answers in columns. */
  layout: 'stacked' | 'wide';
  onClose?(): void;
}

export function CompareView({ original, runs, layout, onClose }: CompareViewProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (layout !== 'wide') return;
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, [layout]);

  const columns = (
    <div className={layout === 'wide' ? 'compare-columns' : 'compare-stack'}>
      <CompareColumn title="Original" messages={[original]} done={original.status !== 'streaming'} />
      {runs.map((run) => (
        <CompareColumn key={run.streamId} title={run.label} messages={run.messages} done={run.done} />
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
