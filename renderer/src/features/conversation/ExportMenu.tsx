import { ChevronDown } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { api } from '../../bridge/api';
import { useStore } from '../../store';
import { downloadText } from '../../platform/files';
import { failureLine } from '../../platform/describeError';

/** Export the thread as Markdown or JSON (lossless), or import a thread from JSON. */
export function ExportMenu({ threadId }: { threadId: string }) {
  const [open, setOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const toast = useStore((s) => s.toast);
  const loadThreads = useStore((s) => s.loadThreads);
  const openThread = useStore((s) => s.openThread);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onDown = (e: MouseEvent) => {
      if (!menuRef.current?.parentElement?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const exportAs = async (format: 'markdown' | 'json') => {
    setOpen(false);
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

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      items[(at + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length]?.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div className="export">
      <button
        type="button"
        className="btn btn-ghost"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        Export
        <ChevronDown size={14} />
      </button>
      {open ? (
        <div
          ref={menuRef}
          role="menu"
          aria-label="Export and import"
          className="export-menu"
          onKeyDown={onKeyDown}
        >
          <button type="button" role="menuitem" onClick={() => void exportAs('markdown')}>
            Export as Markdown
          </button>
          <button type="button" role="menuitem" onClick={() => void exportAs('json')}>
            Export as JSON <span className="export-hint">lossless</span>
          </button>
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              setOpen(false);
              fileRef.current?.click();
            }}
          >
            Import thread… <span className="export-hint">JSON or OpenAI messages</span>
          </button>
        </div>
      ) : null}
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
