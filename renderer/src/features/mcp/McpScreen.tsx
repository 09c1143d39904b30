import { useEffect, useState } from 'react';
import type { McpConsent, McpServer } from '../../../../main/contract/mcp';
import { api } from '../../bridge/api';
import { useStore } from '../../store';
import { ConsentDialog } from './ConsentDialog';
import { ImportServersDialog } from './ImportServersDialog';
import { ServerDetail } from './ServerDetail';
import { ServerFormDialog } from './ServerFormDialog';
import { Button } from '../../ui/Button';
import '../../ui/panes.css';
import './mcp.css';

type Editing = { server: McpServer | null } | null;

/** MCP servers: each one's command, consent, status, tools with their policies, log and runs. */
export function McpScreen() {
  const servers = useStore((s) => s.mcpServers);
  const loaded = useStore((s) => s.mcpLoaded);
  const loadError = useStore((s) => s.mcpError);
  const ensureMcpSync = useStore((s) => s.ensureMcpSync);
  const loadMcp = useStore((s) => s.loadMcp);
  const toast = useStore((s) => s.toast);
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [consents, setConsents] = useState<McpConsent[]>([]);
  const [importing, setImporting] = useState(false);

  useEffect(() => {
    ensureMcpSync();
    void loadMcp();
  }, [ensureMcpSync, loadMcp]);

  const current = servers.find((s) => s.id === selected) ?? servers[0] ?? null;
  const nextConsent = consents[0] ?? null;
  const doneWithConsent = () => {
    setConsents((all) => all.slice(1));
    void loadMcp();
  };

  const exportAll = async () => {
    const result = await api.mcp.export({});
    if (!result.ok) return;
    await navigator.clipboard?.writeText(result.value.text).catch(() => undefined);
    toast('success', 'Copied the servers as Claude Desktop JSON (no secret values).');
  };

  return (
    <section className="screen-frame" aria-label="MCP servers">
      <header className="screen-head">
        <div>
          <h1 className="screen-title">MCP servers</h1>
          <p className="screen-subtitle">
            Tools that run. Nothing starts before you have seen its exact command; every call asks unless you
            allow the tool.
          </p>
        </div>
        <div className="screen-head-actions">
          <button type="button" className="btn" onClick={() => setImporting(true)}>
            Import…
          </button>
          <button
            type="button"
            className="btn"
            disabled={servers.length === 0}
            onClick={() => void exportAll()}
          >
            Copy as JSON
          </button>
          <button type="button" className="btn btn-primary" onClick={() => setEditing({ server: null })}>
            Add server
          </button>
        </div>
      </header>
      {loadError ? (
        <div className="banner banner-error panes-banner" role="alert">
          Could not load the servers: {loadError}
        </div>
      ) : null}
      {loaded && servers.length === 0 ? (
        <div className="empty-state mcp-empty">
          <p>No MCP servers yet.</p>
          <p className="field-hint">
            Add a program (stdio) or a remote address (streamable HTTP), or import a Claude Desktop
            configuration.
          </p>
        </div>
      ) : (
        <div className="panes-split">
          <nav className="panes-list-pane" aria-label="Servers">
            <ul className="panes-list mcp-list">
              {servers.map((s) => (
                <li key={s.id}>
                  <Button
                    variant="bare"
                    className={
                      s.id === current?.id ? 'panes-item mcp-item panes-item-active' : 'panes-item mcp-item'
                    }
                    aria-current={s.id === current?.id ? 'true' : undefined}
                    onPress={() => setSelected(s.id)}
                  >
                    <span className="mono">{s.name}</span>
                    <span className={`mcp-dot mcp-dot-${s.status.state}`} aria-label={s.status.state} />
                    <span className="field-hint">
                      {s.transport} · {s.toolCount} tools
                    </span>
                  </Button>
                </li>
              ))}
            </ul>
          </nav>
          {current ? (
            <ServerDetail
              key={current.id}
              server={current}
              onEdit={() => setEditing({ server: current })}
              onConsent={(c) => setConsents([c])}
              onDeleted={() => {
                setSelected(null);
                void loadMcp();
              }}
            />
          ) : null}
        </div>
      )}
      {editing ? (
        <ServerFormDialog
          server={editing.server}
          onClose={() => setEditing(null)}
          onSaved={(server, consent) => {
            setEditing(null);
            setSelected(server.id);
            if (consent) setConsents([consent]);
            void loadMcp();
          }}
        />
      ) : null}
      {importing ? (
        <ImportServersDialog
          onClose={() => setImporting(false)}
          onImported={async (added) => {
            setImporting(false);
            void loadMcp();
            // Each imported server goes through its own consent screen, one after another.
            const shown: McpConsent[] = [];
            for (const s of added) {
              const c = await api.mcp.requestConsent({ id: s.id });
              if (c.ok) shown.push(c.value);
            }
            setConsents(shown);
          }}
        />
      ) : null}
      {nextConsent ? (
        <ConsentDialog
          key={nextConsent.consentId}
          consent={nextConsent}
          onClose={doneWithConsent}
          onStarted={(server) => {
            setSelected(server.id);
            doneWithConsent();
          }}
        />
      ) : null}
    </section>
  );
}
