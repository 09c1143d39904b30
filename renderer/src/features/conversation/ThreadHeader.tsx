import { useState } from 'react';
import { useStore } from '../../store';
import { ThreadTitleInput } from '../threads/ThreadTitleInput';
import { ThreadUsageTotals } from '../usage/ThreadUsageTotals';
import { ExportMenu } from './ExportMenu';

/** Title (click to rename), the model (opens the inspector), usage so far, export and import. */
export function ThreadHeader({ threadId }: { threadId: string }) {
  const title = useStore(
    (s) => s.details[threadId]?.thread.title ?? s.threads.find((t) => t.id === threadId)?.title ?? '',
  );
  const model = useStore((s) => s.details[threadId]?.thread.settings.model ?? null);
  const providerName = useStore((s) => {
    const id = s.details[threadId]?.thread.settings.providerId;
    return id ? (s.providers.find((p) => p.id === id)?.name ?? null) : null;
  });
  const renameThread = useStore((s) => s.renameThread);
  const toggleInspector = useStore((s) => s.toggleInspector);
  const setInspectorTab = useStore((s) => s.setInspectorTab);
  const [editing, setEditing] = useState(false);

  return (
    <header className="conv-head">
      <div className="conv-title">
        {editing ? (
          <ThreadTitleInput
            initial={title}
            label="Thread title"
            className="conv-title-input"
            onDone={(next) => {
              setEditing(false);
              if (next !== null) void renameThread(threadId, next);
            }}
          />
        ) : (
          <h1>
            <button
              type="button"
              className="conv-title-button"
              title="Rename"
              onClick={() => setEditing(true)}
            >
              {title}
            </button>
          </h1>
        )}
      </div>
      <button
        type="button"
        className="conv-model"
        title="Model and parameters"
        onClick={() => {
          toggleInspector(true);
          setInspectorTab('parameters');
        }}
      >
        <span className="mono">{model ?? 'Choose a model'}</span>
        {providerName ? <span className="conv-model-provider">{providerName}</span> : null}
      </button>
      <div className="conv-head-end">
        <ThreadUsageTotals threadId={threadId} />
        <ExportMenu threadId={threadId} />
      </div>
    </header>
  );
}
