import { useState } from 'react';
import type { McpConsent, McpServer } from '../../../../main/contract/mcp';
import { api } from '../../bridge/api';
import { failureLine } from '../../platform/describeError';
import { Dialog } from '../../ui';
import type { ServerDraft } from './serverForm';
import { draftFromServer, emptyServerDraft, inputFromDraft } from './serverForm';
import { VarRows } from './VarRows';

interface Props {
  server: McpServer | null;
  onClose(): void;
  /** Saved; `consent` is set when what runs changed and the user must see it first. */
  onSaved(server: McpServer, consent: McpConsent | null): void;
}

/** Adds or edits a server. Saving starts nothing: a new or changed command goes to the consent screen. */
export function ServerFormDialog({ server, onClose, onSaved }: Props) {
  const [draft, setDraft] = useState<ServerDraft>(() =>
    server ? draftFromServer(server) : emptyServerDraft(),
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<ServerDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const save = async () => {
    setBusy(true);
    setError(null);
    const result = await api.mcp.save({ id: server?.id, server: inputFromDraft(draft) });
    setBusy(false);
    if (!result.ok) setError(failureLine(result.error));
    else onSaved(result.value.server, result.value.consent);
  };

  return (
    <Dialog
      title={server ? `Edit ${server.name}` : 'Add an MCP server'}
      onClose={onClose}
      size="lg"
      closeButton
    >
      <form
        className="mcp-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="field">
          <label htmlFor="mcp-name">Name</label>
          <input
            id="mcp-name"
            className="input"
            value={draft.name}
            autoFocus
            onChange={(e) => set({ name: e.target.value })}
            placeholder="files"
          />
          <span className="field-hint">Letters, digits, _ or -. The model sees its tools as name__tool.</span>
        </div>
        <div className="field" role="radiogroup" aria-label="Transport">
          <span className="label">Transport</span>
          <div className="mcp-radio-row">
            <label>
              <input
                type="radio"
                checked={draft.transport === 'stdio'}
                onChange={() => set({ transport: 'stdio' })}
              />{' '}
              A program on this computer (stdio)
            </label>
            <label>
              <input
                type="radio"
                checked={draft.transport === 'http'}
                onChange={() => set({ transport: 'http' })}
              />{' '}
              A remote server (streamable HTTP)
            </label>
          </div>
        </div>
        {draft.transport === 'stdio' ? (
          <>
            <div className="field">
              <label htmlFor="mcp-command">Command</label>
              <input
                id="mcp-command"
                className="input mono"
                value={draft.command}
                onChange={(e) => set({ command: e.target.value })}
                placeholder="npx"
              />
            </div>
            <div className="field">
              <label htmlFor="mcp-args">Arguments, one per line</label>
              <textarea
                id="mcp-args"
                className="input mono"
                rows={3}
                value={draft.args}
                onChange={(e) => set({ args: e.target.value })}
                placeholder={'-y\n@modelcontextprotocol/server-filesystem\n/home/me/notes'}
              />
            </div>
            <div className="field">
              <label htmlFor="mcp-cwd">Working folder (optional)</label>
              <input
                id="mcp-cwd"
                className="input mono"
                value={draft.cwd}
                onChange={(e) => set({ cwd: e.target.value })}
              />
            </div>
            <VarRows label="Environment" rows={draft.env} onChange={(env) => set({ env })} />
          </>
        ) : (
          <>
            <div className="field">
              <label htmlFor="mcp-url">Address</label>
              <input
                id="mcp-url"
                className="input mono"
                value={draft.url}
                onChange={(e) => set({ url: e.target.value })}
                placeholder="https://example.com/mcp"
              />
            </div>
            <VarRows label="Headers" rows={draft.headers} onChange={(headers) => set({ headers })} />
          </>
        )}
        {error ? (
          <div className="banner banner-error" role="alert">
            {error}
          </div>
        ) : null}
        <div className="mcp-dialog-actions">
          <span className="field-hint">
            Nothing runs until you have seen and confirmed the exact command.
          </span>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Saving…' : 'Review and save'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
