import './mcpShared.css';

/** Marks a tool answered with the user's canned answer, wherever it shows (screen, card, result). */
export function CannedChip({ children, title }: { children: string; title: string }) {
  return (
    <span className="chip mcp-chip-canned" title={title}>
      {children}
    </span>
  );
}
