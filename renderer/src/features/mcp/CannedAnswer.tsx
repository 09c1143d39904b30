import { useState } from 'react';
import type { McpTool } from '../../../../main/contract/mcp';
import { api } from '../../bridge/api';
import { failureLine } from '../../platform/describeError';
import { useStore } from '../../store';
import { TextField } from '../../ui';

/**
 * A tool's canned answer: text the user writes that calls get instead of a run (the tool and its
 * server do nothing). Kept when turned off, so it can be turned on again for the next experiment.
 */
export function CannedAnswer({ tool }: { tool: McpTool }) {
  const loadMcp = useStore((s) => s.loadMcp);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(tool.canned?.answer ?? '');
  const [active, setActive] = useState(tool.canned?.active ?? true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (answer: string | null, on: boolean) => {
    setBusy(true);
    setError(null);
    const result = await api.mcp.setCanned({ serverId: tool.serverId, name: tool.name, answer, active: on });
    setBusy(false);
    if (!result.ok) {
      setError(failureLine(result.error));
      return;
    }
    if (answer === null) setText('');
    setOpen(false);
    void loadMcp();
  };

  if (!open)
    return (
      <button type="button" className="btn btn-sm mcp-canned-toggle" onClick={() => setOpen(true)}>
        {tool.canned ? 'Edit canned answer' : 'Canned answer…'}
      </button>
    );
  return (
    <div className="mcp-canned" role="group" aria-label={`Canned answer for ${tool.name}`}>
      <TextField
        label="Canned answer"
        hint="Returned to the model as this tool’s result; the tool does not run."
        value={text}
        onChange={setText}
        multiline
        rows={4}
        mono
        error={error ?? undefined}
        autoFocus
      />
      <label className="mcp-check">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
        Answer calls with this instead of running {tool.name}
      </label>
      <div className="mcp-canned-actions">
        <button
          type="button"
          className="btn btn-primary btn-sm"
          disabled={busy}
          onClick={() => void save(text, active)}
        >
          Save answer
        </button>
        {tool.canned ? (
          <button type="button" className="btn btn-sm" disabled={busy} onClick={() => void save(null, false)}>
            Remove
          </button>
        ) : null}
        <button type="button" className="btn btn-sm" disabled={busy} onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}
