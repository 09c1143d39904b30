import type { ToolDraft } from '../../parts/tools';
import type { ToolExample } from './useToolExamples';

interface ToolsEmptyStateProps {
  examples: readonly ToolExample[];
  onNew(): void;
  onImport(): void;
  onPickExample(draft: ToolDraft): void;
}

export function ToolsEmptyState({ examples, onNew, onImport, onPickExample }: ToolsEmptyStateProps) {
  return (
    <div className="empty-state tools-empty">
      <h2>No tools yet</h2>
      <p>
        Define a function (name, description and a JSON Schema for its arguments), then attach it to a thread
        and answer the model’s calls yourself.
      </p>
      <div className="tools-empty-actions">
        <button type="button" className="btn btn-primary" onClick={onNew}>
          New tool
        </button>
        <button type="button" className="btn" onClick={onImport}>
          Import OpenAI tools JSON…
        </button>
      </div>
      {examples.length > 0 ? (
        <section className="tools-examples" aria-label="Start from an example">
          <h3 className="section-title">Start from an example</h3>
          <div className="tools-example-grid">
            {examples.map((e) => (
              <button
                key={e.name}
                type="button"
                className="tools-example-card"
                onClick={() => onPickExample(e.draft)}
              >
                <span className="mono tools-example-name">{e.name}</span>
                <span className="tools-example-desc">{e.description}</span>
              </button>
            ))}
          </div>
        </section>
      ) : null}
    </div>
  );
}
