import { useState } from 'react';
import type { ToolDef } from '../../../../main/contract/tools';
import { api } from '../../bridge/api';
import { useStore } from '../../store';
import { Dialog } from '../../ui';

interface ImportToolsDialogProps {
  onClose(): void;
  onImported(tools: ToolDef[]): void;
}

const EXAMPLE = `[
  {
    "type": "function",
    "function": {
      "name": "get_weather",
      "description": "Current weather for a city",
      "parameters": { "type": "object", "properties": { "city": { "type": "string" } }, "required": ["city"] }
    }
  }
]`;

/** Paste or open an OpenAI `tools` array; main validates every definition before anything is saved. */
export function ImportToolsDialog({ onClose, onImported }: ImportToolsDialogProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<{ message: string; issues: { path: string; message: string }[] } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);
  const putTool = useStore((s) => s.putTool);
  const toast = useStore((s) => s.toast);

  const openFile = async (file: File | undefined) => {
    if (!file) return;
    setText(await file.text());
    setError(null);
  };

  const submit = async () => {
    if (text.trim() === '' || busy) return;
    setBusy(true);
    const result = await api.tools.import({ text });
    setBusy(false);
    if (!result.ok) {
      setError({ message: result.error.message, issues: result.error.detail?.issues ?? [] });
      return;
    }
    for (const tool of result.value) putTool(tool);
    toast('success', `Imported ${result.value.length} tool${result.value.length === 1 ? '' : 's'}`);
    onImported(result.value);
  };

  // The backdrop does not close it: a stray click would lose what was pasted. Esc and Cancel do.
  return (
    <Dialog title="Import tools" onClose={onClose} isDismissable={false}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p className="field-hint">
          Paste an OpenAI <code>tools</code> array, or open a .json file.
        </p>
        <textarea
          aria-label="Tools JSON"
          className="textarea mono tools-import-text"
          rows={12}
          spellCheck={false}
          value={text}
          placeholder={EXAMPLE}
          autoFocus
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
        />
        <label className="btn tools-file-btn">
          Open file…
          <input
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            onChange={(e) => void openFile(e.target.files?.[0])}
          />
        </label>
        {error ? (
          <div className="banner banner-error tools-import-error" role="alert">
            <div>{error.message}</div>
            {error.issues.length > 0 ? (
              <ul className="tools-problem-list">
                {error.issues.map((i, n) => (
                  <li key={n}>
                    <code className="tools-problem-path">{i.path || '$'}</code> {i.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <div className="tools-dialog-actions">
          <button type="button" className="btn btn-ghost" onClick={onClose}>
            Cancel
          </button>
          {/* Busy is aria-disabled: a disabled button would drop focus out of the dialog (and Esc with it). */}
          <button
            type="submit"
            className="btn btn-primary"
            disabled={text.trim() === ''}
            aria-disabled={busy || undefined}
          >
            {busy ? 'Importing…' : 'Import'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
