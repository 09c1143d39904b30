import { useEffect, useState } from 'react';
import type { DatabaseStatus } from '../../../../main/contract';
import { api } from '../../bridge/api';
import { failureLine } from '../../platform/describeError';
import './DatabaseDamage.css';

type Busy = 'saving' | 'restarting' | null;

/**
 * Says, for as long as it is true, that the database is damaged and nothing new is saved; offers
 * the two ways on: save what can still be read, then start a new database (empty or from it).
 */
export function DatabaseDamage() {
  const [status, setStatus] = useState<DatabaseStatus | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [result, setResult] = useState<string | null>(null);
  // It overlays the panes, so it can shrink to one line; it never goes away while it is true.
  const [collapsed, setCollapsed] = useState(false);

  useEffect(() => {
    const off = api.app.onDatabaseDamaged(setStatus);
    // Damage found before this window subscribed (e.g. during start) is read once.
    void api.app.databaseStatus({}).then((r) => {
      if (r.ok && r.value.state === 'damaged') setStatus(r.value);
    });
    return off;
  }, []);

  if (status?.state !== 'damaged') return null;

  const save = async () => {
    setBusy('saving');
    const r = await api.app.saveReadable({});
    setBusy(null);
    if (!r.ok) return setResult(failureLine(r.error));
    const partial = r.value.tables.filter((t) => !t.complete).map((t) => t.name);
    const rows = r.value.tables.reduce((n, t) => n + t.rows, 0);
    setStatus({ ...status, savedCopy: r.value.file });
    setResult(
      `Saved ${rows} rows to ${r.value.file}.` +
        (partial.length ? ` Stopped at damage in: ${partial.join(', ')}.` : ' Every table read to the end.'),
    );
  };

  const startFresh = async (keep: 'nothing' | 'readable') => {
    setBusy('restarting');
    const r = await api.app.startFreshDatabase({ keep });
    if (!r.ok) {
      setBusy(null);
      return setResult(failureLine(r.error));
    }
    if (r.value.restarting) window.location.reload();
    else setResult('Restart the app to continue on the new database.');
  };

  if (collapsed)
    return (
      <div className="db-damage db-damage-collapsed" role="status" data-testid="database-damage">
        <span>The database is damaged: nothing new is saved.</span>
        <button type="button" className="btn btn-ghost" onClick={() => setCollapsed(false)}>
          Details
        </button>
      </div>
    );

  return (
    <div className="db-damage" role="alert" data-testid="database-damage">
      <p className="db-damage-text">{status.message}</p>
      {result ? <p className="db-damage-result">{result}</p> : null}
      <div className="db-damage-actions">
        <button type="button" className="btn" disabled={busy !== null} onClick={() => void save()}>
          {busy === 'saving' ? 'Saving…' : 'Save what can be read'}
        </button>
        {status.savedCopy ? (
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy !== null}
            onClick={() => void startFresh('readable')}
          >
            Continue from the saved copy
          </button>
        ) : null}
        <button
          type="button"
          className="btn btn-danger"
          disabled={busy !== null}
          onClick={() => void startFresh('nothing')}
        >
          Start a new, empty database
        </button>
        <button type="button" className="btn btn-ghost db-damage-hide" onClick={() => setCollapsed(true)}>
          Hide
        </button>
      </div>
    </div>
  );
}
