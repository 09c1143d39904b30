import { PanelRight } from 'lucide-react';
import { useState } from 'react';
import { useStore } from '../../store';
import { ModelChip } from '../../parts/models';
import { keyLabel } from '../../platform/keyboard';
import { TitleInput } from '../../ui/TitleInput';
import { ThreadUsageTotals } from '../../parts/usage';
import { ThreadToolRuns } from '../../parts/mcp';
import { ExportMenu } from './ExportMenu';
import { Button } from '../../ui/Button';
import { IconButton } from '../../ui/IconButton';

/** Title (click to rename), the model (opens the model picker), usage so far, export and import. */
export function ThreadHeader({ threadId }: { threadId: string }) {
  const title = useStore(
    (s) => s.details[threadId]?.thread.title ?? s.threads.find((t) => t.id === threadId)?.title ?? '',
  );
  const renameThread = useStore((s) => s.renameThread);
  const inspectorOpen = useStore((s) => s.inspectorOpen);
  const toggleInspector = useStore((s) => s.toggleInspector);
  const [editing, setEditing] = useState(false);

  return (
    <header className="conv-head">
      <div className="conv-title">
        {editing ? (
          <TitleInput
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
            <Button
              variant="bare"
              className="conv-title-button"
              title="Rename"
              onPress={() => setEditing(true)}
            >
              {title}
            </Button>
          </h1>
        )}
      </div>
      <ModelChip threadId={threadId} />
      <div className="conv-head-end">
        <ThreadUsageTotals threadId={threadId} />
        <ThreadToolRuns threadId={threadId} />
        <ExportMenu threadId={threadId} />
        <IconButton
          className={`conv-inspector-toggle${inspectorOpen ? ' is-on' : ''}`}
          label="Inspector"
          aria-pressed={inspectorOpen}
          tooltip={`Parameters, tools and the raw request (${keyLabel('Mod')} I)`}
          onPress={() => toggleInspector()}
        >
          <PanelRight />
        </IconButton>
      </div>
    </header>
  );
}
