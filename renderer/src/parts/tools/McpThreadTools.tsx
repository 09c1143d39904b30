import { useEffect, useState } from 'react';
import type { McpAttachments } from '../../../../main/contract/mcp';
import { api } from '../../bridge/api';
import { failureLine } from '../../platform/describeError';
import { useStore } from '../../store';
import { RoundsField } from './RoundsField';
import './mcpApproval.css';

interface Props {
  threadId: string;
  maxRounds: number;
  /** The canned mode shows its own rounds field; server tools share the same cap. */
  showRounds: boolean;
  onMaxRounds(rounds: number): void;
}

const NONE: McpAttachments = { servers: [], tools: [] };

/** The inspector's MCP part: attach whole servers or single tools to this thread, and the round cap. */
export function McpThreadTools({ threadId, maxRounds, showRounds, onMaxRounds }: Props) {
  const servers = useStore((s) => s.mcpServers);
  const tools = useStore((s) => s.mcpTools);
  const ensureMcpSync = useStore((s) => s.ensureMcpSync);
  const setScreen = useStore((s) => s.setScreen);
  const [attached, setAttached] = useState<McpAttachments>(NONE);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => ensureMcpSync(), [ensureMcpSync]);
  useEffect(() => {
    let live = true;
    void api.mcp.attachments({ threadId }).then((r) => live && r.ok && setAttached(r.value));
    return () => {
      live = false;
    };
  }, [threadId, servers]);

  const attach = async (serverId: string, toolName: string | null, on: boolean) => {
    setError(null);
    const result = await api.mcp.attach({ threadId, serverId, toolName, attached: on });
    if (result.ok) setAttached(result.value);
    else setError(failureLine(result.error));
  };

  if (servers.length === 0) {
    return (
      <div className="ttools-empty">
        <p>No MCP servers yet.</p>
        <button type="button" className="btn" onClick={() => setScreen('mcp')}>
          Add a server
        </button>
      </div>
    );
  }
  const any = attached.servers.length > 0 || attached.tools.length > 0;
  return (
    <fieldset className="ttools-list" aria-label="Server tools for this thread">
      <legend className="section-title">Server tools (MCP)</legend>
      {servers.map((server) => {
        const whole = attached.servers.includes(server.id);
        const own = tools.filter((t) => t.serverId === server.id && t.problem === null);
        const picked = attached.tools.filter((t) => t.serverId === server.id).length;
        return (
          <div key={server.id} className="ttools-item-group">
            <label className="ttools-item">
              <input
                type="checkbox"
                checked={whole}
                onChange={(e) => void attach(server.id, null, e.target.checked)}
              />
              <span className="ttools-item-text">
                <span className="mono ttools-item-name">{server.name}</span>
                <span className="ttools-item-desc">
                  every tool ({own.length})
                  {server.status.state !== 'running' ? ` · ${server.status.state}` : ''}
                  {!whole && picked > 0 ? ` · ${picked} picked` : ''}
                </span>
              </span>
            </label>
            {!whole && own.length > 0 ? (
              <details className="ttools-mcp-pick">
                <summary>Pick single tools</summary>
                {own.slice(0, 200).map((tool) => (
                  <label key={tool.name} className="ttools-item">
                    <input
                      type="checkbox"
                      checked={attached.tools.some((t) => t.serverId === server.id && t.name === tool.name)}
                      onChange={(e) => void attach(server.id, tool.name, e.target.checked)}
                    />
                    <span className="mono ttools-item-name">{tool.name}</span>
                  </label>
                ))}
              </details>
            ) : null}
          </div>
        );
      })}
      {error ? <p className="field-error">{error}</p> : null}
      {any ? (
        <p className="field-hint">
          Each call asks you first unless you allowed the tool; its result goes back to the model.
        </p>
      ) : null}
      {any && showRounds ? (
        <RoundsField
          maxRounds={maxRounds}
          onMaxRounds={onMaxRounds}
          hint="After this many rounds of server calls, the calls wait for you."
        />
      ) : null}
    </fieldset>
  );
}
