import { useEffect, useState } from 'react';
import type { McpConsent, McpRun, McpServer } from '../../../../main/contract/mcp';
import { api } from '../../bridge/api';
import { failureLine } from '../../platform/describeError';
import { useStore } from '../../store';
import { ServerTools } from './ServerTools';
import { SignInPanel } from './SignInPanel';

interface Props {
  server: McpServer;
  onEdit(): void;
  onConsent(consent: McpConsent): void;
  onDeleted(): void;
}

const STATE_CHIP = {
  running: 'chip chip-ok',
  starting: 'chip',
  stopped: 'chip',
  error: 'chip chip-danger',
} as const;

/** One server: what runs, its status and errors, Start/Stop/Restart, its tools, stderr and recent runs. */
export function ServerDetail({ server, onEdit, onConsent, onDeleted }: Props) {
  const tools = useStore((s) => s.mcpTools).filter((t) => t.serverId === server.id);
  const loadMcp = useStore((s) => s.loadMcp);
  const [log, setLog] = useState<{ lines: string[]; dropped: number }>({ lines: [], dropped: 0 });
  const [runs, setRuns] = useState<McpRun[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void api.mcp.log({ id: server.id }).then((r) => live && r.ok && setLog(r.value));
    void api.mcp.runs({ serverId: server.id, limit: 10 }).then((r) => live && r.ok && setRuns(r.value));
    return () => {
      live = false;
    };
  }, [server.id, server.status.since]);

  const act = async (what: 'start' | 'stop' | 'restart') => {
    setBusy(true);
    setError(null);
    if (what === 'start' && !server.consented) {
      const consent = await api.mcp.requestConsent({ id: server.id });
      setBusy(false);
      if (consent.ok) onConsent(consent.value);
      else setError(failureLine(consent.error));
      return;
    }
    const result = await api.mcp[what]({ id: server.id });
    setBusy(false);
    if (!result.ok) setError(failureLine(result.error));
    void loadMcp();
  };
  const remove = async () => {
    const result = await api.mcp.delete({ id: server.id });
    if (!result.ok) setError(failureLine(result.error));
    else onDeleted();
  };

  const { status } = server;
  const running = status.state === 'running';
  return (
    <section className="mcp-detail" aria-label={`Server ${server.name}`}>
      <header className="mcp-detail-head">
        <h2 className="mcp-detail-title">{server.name}</h2>
        <span className={STATE_CHIP[status.state]} data-testid="mcp-status">
          {status.state}
        </span>
        {!server.consented ? <span className="chip chip-warn">needs your OK</span> : null}
        <div className="mcp-detail-actions">
          {running ? (
            <>
              <button type="button" className="btn" disabled={busy} onClick={() => void act('restart')}>
                Restart
              </button>
              <button type="button" className="btn" disabled={busy} onClick={() => void act('stop')}>
                Stop
              </button>
            </>
          ) : server.consented && server.signIn === 'needed' ? null : (
            // An OAuth server waiting for a sign-in starts from Sign in below, not from here.
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy}
              onClick={() => void act('start')}
            >
              {server.consented ? 'Start' : 'Review and start'}
            </button>
          )}
          <button type="button" className="btn" onClick={onEdit}>
            Edit
          </button>
          <button type="button" className="btn btn-danger" onClick={() => void remove()}>
            Delete
          </button>
        </div>
      </header>
      {status.message ? (
        <div className="banner banner-error" role="alert" data-testid="mcp-status-message">
          {status.message}
        </div>
      ) : null}
      {error ? (
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      ) : null}
      <SignInPanel server={server} />
      <p className="mcp-runs-line mono">
        {server.transport === 'stdio' ? [server.command, ...server.args].join(' ') : server.url}
        {status.serverName ? (
          <span className="field-hint">
            {' '}
            · {status.serverName} {status.serverVersion}
          </span>
        ) : null}
      </p>
      <h3 className="section-title">Tools ({tools.length})</h3>
      <ServerTools tools={tools} />
      <h3 className="section-title">Recent runs</h3>
      {runs.length === 0 ? (
        <p className="field-hint">No calls yet.</p>
      ) : (
        <table className="mcp-runs">
          <thead>
            <tr>
              <th>Tool</th>
              <th>Status</th>
              <th className="num">Duration</th>
              <th>When</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.id}>
                <td className="mono">{run.tool}</td>
                <td>{run.status}</td>
                <td className="num">{run.durationMs} ms</td>
                <td>{new Date(run.startedAt).toLocaleTimeString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 className="section-title">
        Log (stderr)
        {log.dropped > 0 ? <span className="field-hint"> · {log.dropped} older lines dropped</span> : null}
      </h3>
      <pre className="mcp-log mono" aria-label="Server log" tabIndex={0}>
        {log.lines.length === 0 ? '(nothing yet)' : log.lines.join('\n')}
      </pre>
    </section>
  );
}
