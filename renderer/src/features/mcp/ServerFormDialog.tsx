import { useState } from 'react';
import type { McpConsent, McpServer } from '../../../../main/contract/mcp';
import { api } from '../../bridge/api';
import { failureLine } from '../../platform/describeError';
import type { SelectOption } from '../../ui';
import { Dialog, Select, TextField } from '../../ui';
import type { ServerDraft } from './serverForm';
import { draftFromServer, emptyServerDraft, inputFromDraft } from './serverForm';
import { VarRows } from './VarRows';

const TRANSPORTS: SelectOption<ServerDraft['transport']>[] = [
  { id: 'stdio', label: 'A program on this computer (stdio)' },
  { id: 'http', label: 'A remote server (streamable HTTP)' },
];
const SIGN_IN: SelectOption<ServerDraft['auth']>[] = [
  { id: 'none', label: 'None (or a header below)' },
  { id: 'oauth', label: 'OAuth: sign in through the browser' },
];

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
        <TextField
          label="Name"
          value={draft.name}
          onChange={(name) => set({ name })}
          autoFocus
          placeholder="files"
          hint="Letters, digits, _ or -. The model sees its tools as name__tool."
        />
        <Select<ServerDraft['transport']>
          label="Transport"
          options={TRANSPORTS}
          value={draft.transport}
          onChange={(transport) => set({ transport })}
        />
        {draft.transport === 'stdio' ? (
          <>
            <TextField
              label="Command"
              value={draft.command}
              onChange={(command) => set({ command })}
              mono
              placeholder="npx"
            />
            <TextField
              label="Arguments, one per line"
              value={draft.args}
              onChange={(args) => set({ args })}
              multiline
              rows={3}
              mono
              placeholder={'-y\n@modelcontextprotocol/server-filesystem\n/home/me/notes'}
            />
            <TextField
              label="Working folder (optional)"
              value={draft.cwd}
              onChange={(cwd) => set({ cwd })}
              mono
            />
            <VarRows label="Environment" rows={draft.env} onChange={(env) => set({ env })} />
          </>
        ) : (
          <>
            <TextField
              label="Address"
              value={draft.url}
              onChange={(url) => set({ url })}
              mono
              placeholder="https://example.com/mcp"
            />
            <Select<ServerDraft['auth']>
              label="Sign-in"
              options={SIGN_IN}
              value={draft.auth}
              onChange={(auth) => set({ auth })}
            />
            {draft.auth === 'oauth' ? (
              <div className="mcp-form-row">
                <TextField
                  label="Scopes (optional)"
                  value={draft.oauthScopes}
                  onChange={(oauthScopes) => set({ oauthScopes })}
                  mono
                  hint="Empty: what the server offers."
                />
                <TextField
                  label="Client id (optional)"
                  value={draft.oauthClientId}
                  onChange={(oauthClientId) => set({ oauthClientId })}
                  mono
                  hint="Empty: LLM Desk registers itself."
                />
              </div>
            ) : null}
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
