import type { McpDiff } from '../../../../main/contract/mcp';
import './mcpShared.css';

/**
 * A tool's definition as approved beside what it is now, line by line: the one view both the
 * Servers screen's dialog and the approval card in the conversation show. `compact` caps its
 * height for the card, where it sits among other calls.
 */
export function DiffView({ diff, compact = false }: { diff: McpDiff; compact?: boolean }) {
  return (
    <pre
      className={compact ? 'mcp-diff mcp-diff-compact mono' : 'mcp-diff mono'}
      aria-label="Changes to the tool's definition"
      data-testid="mcp-diff"
    >
      {diff.lines.map((line, i) => (
        <div key={i} className={`mcp-diff-${line.kind}`}>
          <span aria-hidden="true">
            {line.kind === 'added' ? '+ ' : line.kind === 'removed' ? '− ' : '  '}
          </span>
          {line.kind !== 'same' ? <span className="visually-hidden">{line.kind}: </span> : null}
          {line.text}
        </div>
      ))}
    </pre>
  );
}
