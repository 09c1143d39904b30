import { useId, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { ToolDef } from '../../../../main/contract/tools';
import { api } from '../../bridge/api';
import { useStore } from '../../store';
import { failureLine } from '../../platform/describeError';
import { copyText } from '../../platform/files';
import {
  draftFromTool,
  draftsEqual,
  draftToInput,
  JsonEditor,
  nameProblem,
  problemsToDiagnostics,
  saveBlocker,
  SchemaProblemList,
  type ToolDraft,
  useSchemaProblems,
} from '../../parts/tools';
import { ToolEditorActions } from './ToolEditorActions';

interface ToolEditorProps {
  /** Null while writing a new tool. */
  tool: ToolDef | null;
  draft: ToolDraft;
  onDraft(draft: ToolDraft): void;
  onRevert(): void;
  otherNames: readonly string[];
  onSaved(tool: ToolDef): void;
  onSelect(id: string | null): void;
}

export function ToolEditor({
  tool,
  draft,
  onDraft,
  onRevert,
  otherNames,
  onSaved,
  onSelect,
}: ToolEditorProps) {
  const ids = useId();
  const putTool = useStore((s) => s.putTool);
  const dropTool = useStore((s) => s.dropTool);
  const toast = useStore((s) => s.toast);
  const [busy, setBusy] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const { problems, checking, firstCheck } = useSchemaProblems(draft.schemaText);
  const diagnostics = useMemo(
    () => problemsToDiagnostics(draft.schemaText, problems),
    [draft.schemaText, problems],
  );

  const dirty = tool === null || !draftsEqual(draft, draftFromTool(tool));
  const nameError = nameProblem(draft.name, otherNames);
  const blocker = saveBlocker(draft, otherNames, problems) ?? (checking ? 'Checking the schema…' : null);
  const update = (patch: Partial<ToolDraft>) => onDraft({ ...draft, ...patch });

  const save = async () => {
    const input = draftToInput(draft);
    if (blocker !== null || input === null || busy) return;
    setBusy(true);
    setSaveError(null);
    const result =
      tool === null ? await api.tools.create(input) : await api.tools.update({ id: tool.id, patch: input });
    setBusy(false);
    if (!result.ok) {
      setSaveError(failureLine(result.error, 'all'));
      return;
    }
    putTool(result.value);
    onSaved(result.value);
    toast('success', `Saved ${result.value.name}`);
  };

  const run = async (action: 'duplicate' | 'delete' | 'copy') => {
    if (tool === null) return;
    if (action === 'copy') {
      const result = await api.tools.export({ ids: [tool.id] });
      if (result.ok && (await copyText(result.value.text)))
        toast('success', `Copied ${tool.name} as an OpenAI tools array`);
      else toast('error', result.ok ? 'Could not reach the clipboard' : failureLine(result.error));
      return;
    }
    const result =
      action === 'duplicate'
        ? await api.tools.duplicate({ id: tool.id })
        : await api.tools.delete({ id: tool.id });
    if (!result.ok) {
      toast('error', failureLine(result.error));
      return;
    }
    if ('id' in result.value) {
      putTool(result.value);
      onSelect(result.value.id);
    } else {
      dropTool(tool.id);
      onSelect(null);
      toast('info', `Deleted ${tool.name}`);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void save();
    }
  };

  const formatSchema = () => {
    try {
      update({ schemaText: JSON.stringify(JSON.parse(draft.schemaText), null, 2) });
    } catch {
      // Text that does not parse stays as typed; the problem list already says why.
    }
  };

  return (
    <form
      className="tools-editor scroll"
      aria-label={tool ? `Edit ${tool.name}` : 'New tool'}
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="field">
        <label htmlFor={`${ids}-name`}>Name</label>
        <input
          id={`${ids}-name`}
          className="input mono"
          value={draft.name}
          autoFocus={tool === null}
          spellCheck={false}
          autoComplete="off"
          placeholder="get_weather"
          aria-invalid={nameError !== null}
          aria-describedby={`${ids}-name-msg`}
          onChange={(e) => update({ name: e.target.value })}
        />
        <span id={`${ids}-name-msg`} className={nameError ? 'field-error' : 'field-hint'}>
          {nameError ?? 'Letters, digits, _ and -, up to 64 characters.'}
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-desc`}>Description</label>
        <textarea
          id={`${ids}-desc`}
          className="textarea"
          rows={2}
          value={draft.description}
          placeholder="What the function does and when the model should call it."
          onChange={(e) => update({ description: e.target.value })}
        />
      </div>
      <div className="field">
        <div className="tools-field-head">
          <span className="label" id={`${ids}-schema-label`}>
            Parameters (JSON Schema)
          </span>
          <button type="button" className="btn btn-ghost tools-small-btn" onClick={formatSchema}>
            Format
          </button>
        </div>
        <JsonEditor
          value={draft.schemaText}
          onChange={(schemaText) => update({ schemaText })}
          label="Parameters JSON Schema"
          diagnostics={diagnostics}
          describedBy={`${ids}-problems ${ids}-schema-hint`}
          testId="tool-schema-editor"
        />
        <span id={`${ids}-schema-hint`} className="field-hint">
          Must compile and describe an object. Press Esc then Tab to leave the editor.
        </span>
        <SchemaProblemList
          id={`${ids}-problems`}
          problems={problems}
          checking={firstCheck}
          okText="Valid object schema"
        />
      </div>
      <div className="field">
        <label className="tools-check">
          <input
            type="checkbox"
            checked={draft.hasCannedResult}
            onChange={(e) => update({ hasCannedResult: e.target.checked })}
          />
          Canned result
        </label>
        <span className="field-hint">
          Sent back when you answer a call with “use canned result”, or hands-free in canned mode.
        </span>
        {draft.hasCannedResult ? (
          <textarea
            aria-label="Canned result"
            className="textarea mono"
            rows={4}
            spellCheck={false}
            value={draft.cannedResult}
            placeholder='{"temperature": 21, "unit": "celsius"}'
            onChange={(e) => update({ cannedResult: e.target.value })}
          />
        ) : null}
      </div>
      {saveError ? (
        <div className="banner banner-error" role="alert">
          {saveError}
        </div>
      ) : null}
      <ToolEditorActions
        isNew={tool === null}
        dirty={dirty}
        busy={busy}
        blocker={blocker}
        onRevert={onRevert}
        onDuplicate={() => void run('duplicate')}
        onDelete={() => void run('delete')}
        onCopy={() => void run('copy')}
      />
    </form>
  );
}
