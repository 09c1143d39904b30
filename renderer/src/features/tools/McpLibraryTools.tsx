import { useEffect } from 'react';
import { useStore } from '../../store';
import './mcpLibrary.css';

const POLICY: Record<string, string> = { ask: 'asks first', allow: 'allowed', deny: 'denied' };

/**
 * Server tools in the library's list: read-only here (their server defines them). A thread offers
 * them like library tools; the server runs a call once the user allows it, and after Stop the user
 * answers it by hand like any call.
 */
export function McpLibraryTools() {
  const tools = useStore((s) => s.mcpTools);
  const servers = useStore((s) => s.mcpServers);
  const ensureMcpSync = useStore((s) => s.ensureMcpSync);
  const setScreen = useStore((s) => s.setScreen);
  useEffect(() => ensureMcpSync(), [ensureMcpSync]);
  if (servers.length === 0) return null;
  const usable = tools.filter((t) => t.problem === null);
  return (
    <section className="tools-mcp" aria-label="Tools from MCP servers">
      <div className="tools-mcp-head">
        <span className="label">From MCP servers ({usable.length})</span>
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => setScreen('mcp')}>
          Servers…
        </button>
      </div>
      <ul className="tools-mcp-list">
        {usable.slice(0, 100).map((tool) => (
          <li key={`${tool.serverId}/${tool.name}`} className="tools-mcp-item">
            <span className="mono tools-item-name">{tool.functionName}</span>
            <span className="tools-item-desc">{tool.description || 'No description'}</span>
            <span className="tools-item-meta">
              <span className="chip">run by {tool.serverName}</span>
              <span className={tool.changed ? 'chip chip-danger' : 'chip'}>
                {tool.changed ? 'changed: blocked' : POLICY[tool.policy]}
              </span>
            </span>
          </li>
        ))}
      </ul>
      {usable.length > 100 ? (
        <p className="field-hint">{usable.length - 100} more on the Servers screen.</p>
      ) : null}
    </section>
  );
}
