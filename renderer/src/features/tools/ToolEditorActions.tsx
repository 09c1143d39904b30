import { useState } from 'react';

interface ToolEditorActionsProps {
  isNew: boolean;
  dirty: boolean;
  busy: boolean;
  /** Why saving is not possible right now, or null. */
  blocker: string | null;
  onRevert(): void;
  onDuplicate(): void;
  onDelete(): void;
  onCopy(): void;
}

/** Save, revert and the tool's other actions; deleting asks once more in place. */
export function ToolEditorActions({
  isNew,
  dirty,
  busy,
  blocker,
  onRevert,
  onDuplicate,
  onDelete,
  onCopy,
}: ToolEditorActionsProps) {
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="tools-actions">
      <button
        type="submit"
        className="btn btn-primary"
        disabled={blocker !== null || busy || !dirty}
        title={blocker ?? 'Ctrl/Cmd+S'}
      >
        {busy ? 'Saving…' : isNew ? 'Create tool' : 'Save'}
      </button>
      {dirty ? (
        <button type="button" className="btn" onClick={onRevert}>
          {isNew ? 'Discard' : 'Revert'}
        </button>
      ) : null}
      {blocker !== null && dirty ? <span className="field-hint tools-blocker">{blocker}</span> : null}
      <span className="tools-actions-spacer" />
      {!isNew ? (
        <>
          <button type="button" className="btn btn-ghost" onClick={onCopy}>
            Copy JSON
          </button>
          <button type="button" className="btn btn-ghost" onClick={onDuplicate}>
            Duplicate
          </button>
          {confirming ? (
            <span className="tools-confirm" role="group" aria-label="Confirm delete">
              <button type="button" className="btn btn-danger" onClick={onDelete} autoFocus>
                Delete for good
              </button>
              <button type="button" className="btn btn-ghost" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </span>
          ) : (
            <button type="button" className="btn btn-ghost btn-danger" onClick={() => setConfirming(true)}>
              Delete…
            </button>
          )}
        </>
      ) : null}
    </div>
  );
}
