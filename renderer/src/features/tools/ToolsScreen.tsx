import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ToolDef } from '../../../../main/contract/tools';
import { useStore } from '../../store';
import { ImportToolsDialog } from './ImportToolsDialog';
import { ToolEditor } from './ToolEditor';
import { ToolExportButtons } from './ToolExportButtons';
import { ToolList } from './ToolList';
import { ToolsEmptyState } from './ToolsEmptyState';
import { draftFromTool, emptyDraft, type ToolDraft } from '../../parts/tools';
import { useToolExamples } from './useToolExamples';
import '../../ui/panes.css';
import './tools.css';

/** `new` is the unsaved tool being written; any other key is a tool id. */
type Selection = string | null;
const NEW_TOOL = 'new';

/** The function library: a list of definitions beside the editor of the selected one. */
export function ToolsScreen() {
  const { tools, toolsLoaded, toolsError, loadTools } = useStore(
    useShallow((s) => ({
      tools: s.tools,
      toolsLoaded: s.toolsLoaded,
      toolsError: s.toolsError,
      loadTools: s.loadTools,
    })),
  );
  const [selected, setSelected] = useState<Selection>(null);
  // Edits survive switching between tools until saved or reverted.
  const [drafts, setDrafts] = useState<Record<string, ToolDraft>>({});
  const [importOpen, setImportOpen] = useState(false);
  const examples = useToolExamples();

  useEffect(() => {
    void loadTools();
  }, [loadTools]);

  const setDraft = (key: string, draft: ToolDraft | null) =>
    setDrafts((all) => {
      const next = { ...all };
      if (draft === null) delete next[key];
      else next[key] = draft;
      return next;
    });

  const startNew = (from?: ToolDraft) => {
    setDraft(NEW_TOOL, from ?? drafts[NEW_TOOL] ?? emptyDraft());
    setSelected(NEW_TOOL);
  };

  const onSaved = (key: string, tool: ToolDef) => {
    setDraft(key, null);
    setSelected(tool.id);
  };

  // A selection that no longer exists (deleted, or nothing picked yet) falls back to the first tool.
  const current = selected === NEW_TOOL ? null : (tools.find((t) => t.id === selected) ?? tools[0] ?? null);
  const active: Selection = selected === NEW_TOOL ? NEW_TOOL : (current?.id ?? null);
  const editorKey = active ?? undefined;
  const empty = toolsLoaded && tools.length === 0 && active !== NEW_TOOL;

  return (
    <section className="screen-frame" aria-label="Tools">
      <header className="screen-head">
        <div>
          <h1 className="screen-title">Tools</h1>
          <p className="screen-subtitle">
            Functions the model may call. Attach them to a thread in the inspector.
          </p>
        </div>
        <div className="screen-head-actions">
          <button type="button" className="btn" onClick={() => setImportOpen(true)}>
            Import…
          </button>
          <ToolExportButtons disabled={tools.length === 0} />
          <button type="button" className="btn btn-primary" onClick={() => startNew()}>
            New tool
          </button>
        </div>
      </header>
      {toolsError ? (
        <div className="banner banner-error panes-banner" role="alert">
          Could not load the tools: {toolsError}
        </div>
      ) : null}
      {empty ? (
        <ToolsEmptyState
          examples={examples}
          onNew={() => startNew()}
          onImport={() => setImportOpen(true)}
          onPickExample={(d) => startNew(d)}
        />
      ) : (
        <div className="panes-split">
          <ToolList
            tools={tools}
            selected={active}
            dirty={new Set(Object.keys(drafts))}
            newName={drafts[NEW_TOOL]?.name ?? ''}
            onSelect={setSelected}
            examples={examples}
            onPickExample={(d) => startNew(d)}
          />
          {editorKey !== undefined ? (
            <ToolEditor
              key={editorKey}
              tool={current}
              draft={drafts[editorKey] ?? (current ? draftFromTool(current) : emptyDraft())}
              onDraft={(d) => setDraft(editorKey, d)}
              onRevert={() => {
                setDraft(editorKey, null);
                if (editorKey === NEW_TOOL) setSelected(tools[0]?.id ?? null);
              }}
              otherNames={tools.filter((t) => t.id !== current?.id).map((t) => t.name)}
              onSaved={(tool) => onSaved(editorKey, tool)}
              onSelect={setSelected}
            />
          ) : (
            <div className="empty-state">Select a tool to edit it.</div>
          )}
        </div>
      )}
      {importOpen ? (
        <ImportToolsDialog
          onClose={() => setImportOpen(false)}
          onImported={(imported) => {
            setImportOpen(false);
            if (imported[0]) setSelected(imported[0].id);
          }}
        />
      ) : null}
    </section>
  );
}
