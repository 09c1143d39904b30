import type { ToolDef } from '../../../../main/contract/tools';

interface AttachedToolsListProps {
  tools: readonly ToolDef[];
  attachedIds: readonly string[];
  /** Attached ids whose tool was deleted from the library. */
  missingCount: number;
  onToggle(id: string, on: boolean): void;
  onOpenLibrary(): void;
}

export function AttachedToolsList({
  tools,
  attachedIds,
  missingCount,
  onToggle,
  onOpenLibrary,
}: AttachedToolsListProps) {
  if (tools.length === 0) {
    return (
      <div className="ttools-empty">
        <p>No tools in the library yet.</p>
        <button type="button" className="btn" onClick={onOpenLibrary}>
          Open the Tools library
        </button>
      </div>
    );
  }
  return (
    <fieldset className="ttools-list">
      <legend className="section-title">
        Attached tools <span className="num">({attachedIds.length - missingCount})</span>
      </legend>
      {tools.map((tool) => (
        <label key={tool.id} className="ttools-item">
          <input
            type="checkbox"
            checked={attachedIds.includes(tool.id)}
            onChange={(e) => onToggle(tool.id, e.target.checked)}
          />
          <span className="ttools-item-text">
            <span className="mono ttools-item-name">{tool.name}</span>
            {tool.description ? <span className="ttools-item-desc">{tool.description}</span> : null}
          </span>
        </label>
      ))}
      {missingCount > 0 ? (
        <p className="field-hint">
          {missingCount} attached tool{missingCount === 1 ? ' was' : 's were'} deleted from the library and
          will not be sent.
        </p>
      ) : null}
      <button type="button" className="btn btn-ghost ttools-manage" onClick={onOpenLibrary}>
        Manage the library…
      </button>
    </fieldset>
  );
}
