import { ChevronDown } from 'lucide-react';
import { useRef } from 'react';
import { api } from '../../bridge/api';
import { useStore } from '../../store';
import { downloadText } from '../../platform/files';
import { failureLine } from '../../platform/describeError';
import { Button } from '../../ui/Button';
import { Menu, MenuItem, MenuTrigger, type MenuKey } from '../../ui/Menu';

/** Export the thread as Markdown or JSON (lossless), or import a thread from JSON. */
export function ExportMenu({ threadId }: { threadId: string }) {
  const fileRef = useRef<HTMLInputElement>(null);
  const toast = useStore((s) => s.toast);
  const loadThreads = useStore((s) => s.loadThreads);
  const openThread = useStore((s) => s.openThread);

  const exportAs = async (format: 'markdown' | 'json') => {
    const result = await api.threads.export({ id: threadId, format });
    if (!result.ok) {
      toast('error', `Could not export: ${failureLine(result.error)}`);
      return;
    }
    downloadText(
      result.value.filename,
      result.value.text,
      format === 'json' ? 'application/json' : 'text/markdown',
    );
    toast('success', `Exported ${result.value.filename}`);
  };

  const importFile = async (file: File) => {
    const result = await api.threads.import({ text: await file.text() });
    if (!result.ok) {
      toast('error', `Could not import ${file.name}: ${failureLine(result.error)}`);
      return;
    }
    await loadThreads();
    await openThread(result.value.id);
    toast('success', `Imported “${result.value.title}”`);
  };

  const onAction = (key: MenuKey) => {
    if (key === 'markdown' || key === 'json') void exportAs(key);
    else fileRef.current?.click();
  };

  return (
    <div className="export">
      <MenuTrigger>
        <Button variant="quiet">
          Export
          <ChevronDown size={14} />
        </Button>
        <Menu aria-label="Export and import" className="export-menu" onAction={onAction}>
          <MenuItem id="markdown">Export as Markdown</MenuItem>
          <MenuItem id="json" textValue="Export as JSON" hint="lossless">
            Export as JSON
          </MenuItem>
          <MenuItem id="import" textValue="Import thread…" hint="JSON or OpenAI messages">
            Import thread…
          </MenuItem>
        </Menu>
      </MenuTrigger>
      <input
        ref={fileRef}
        type="file"
        accept=".json,application/json"
        aria-label="Import a thread from a JSON file"
        className="visually-hidden"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void importFile(file);
        }}
      />
    </div>
  );
}
