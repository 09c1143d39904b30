import { useState } from 'react';
import type { McpServer } from '../../../../main/contract/mcp';
import { api } from '../../bridge/api';
import { failureLine } from '../../platform/describeError';
import { Dialog } from '../../ui';

interface Props {
  onClose(): void;
  onImported(servers: McpServer[]): void;
}

/** Claude-Desktop `mcpServers` JSON: the servers are added stopped; each is started only through its consent screen. */
export function ImportServersDialog({ onClose, onImported }: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const result = await api.mcp.import({ text });
    if (!result.ok) setError(failureLine(result.error));
    else onImported(result.value);
  };
  return (
    <Dialog title="Import MCP servers" onClose={onClose} size="lg" closeButton>
      <div className="mcp-form">
        <div className="field">
          <label htmlFor="mcp-import">Claude Desktop configuration (the mcpServers object)</label>
          <textarea
            id="mcp-import"
            className="input mono"
            rows={10}
            value={text}
            autoFocus
            onChange={(e) => setText(e.target.value)}
            placeholder={
              '{\n  "mcpServers": {\n    "files": { "command": "npx", "args": ["-y", "server"] }\n  }\n}'
            }
          />
          <span className="field-hint">
            Values of variables named like keys or tokens go to the keychain. Nothing starts until you confirm
            each command.
          </span>
        </div>
        {error ? (
          <div className="banner banner-error" role="alert">
            {error}
          </div>
        ) : null}
        <div className="mcp-dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={text.trim() === ''}
            onClick={() => void submit()}
          >
            Import
          </button>
        </div>
      </div>
    </Dialog>
  );
}
