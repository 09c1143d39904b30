import type { McpDiff } from '../../../../main/contract/mcp';

/** A tool's definition as approved beside what it is now, line by line. */
export function DiffView({ diff }: { diff: McpDiff }) {
  return (
    <pre className="mcp-diff mono" aria-label="Changes to the tool's definition" data-testid="mcp-diff">
      {diff.lines.map((line, i) => (
        <div key={i} className={`mcp-diff-${line.kind}`}>
          <span aria-hidden="true">
            {line.kind === 'added' ? '+ ' : line.kind === 'removed' ? '− ' : '  '}
          </span>
          {line.kind === 'added' ? <span className="visually-hidden">added: </span> : null}
          {line.kind === 'removed' ? <span className="visually-hidden">removed: </span> : null}
          {line.text}
        </div>
      ))}
    </pre>
  );
}
