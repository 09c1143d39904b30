import { setDiagnostics } from '@codemirror/lint';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { jsonEditorExtensions } from './jsonEditorSetup';
import type { EditorDiagnostic } from './toolForm';
import './jsonEditor.css';

interface JsonEditorProps {
  value: string;
  onChange(value: string): void;
  /** Accessible name of the editing surface. */
  label: string;
  diagnostics?: readonly EditorDiagnostic[];
  readOnly?: boolean;
  testId?: string;
  /** Element ids that describe the editor (hints, problem lists). */
  describedBy?: string;
}

/** A CodeMirror 6 JSON editor, controlled like an input: `value` in, `onChange` out. */
export function JsonEditor({
  value,
  onChange,
  label,
  diagnostics = [],
  readOnly = false,
  testId,
  describedBy,
}: JsonEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  const editable = useRef(new Compartment());
  const attributes = useRef(new Compartment());
  useLayoutEffect(() => {
    onChangeRef.current = onChange;
  });

  useEffect(() => {
    if (!host.current) return;
    const created = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          ...jsonEditorExtensions(),
          editable.current.of([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]),
          attributes.current.of(contentAttributes(label, describedBy)),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChangeRef.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = created;
    return () => {
      created.destroy();
      view.current = null;
    };
    // The view is created once; later prop changes are applied by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const current = view.current;
    if (!current) return;
    const text = current.state.doc.toString();
    if (text !== value) current.dispatch({ changes: { from: 0, to: text.length, insert: value } });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({
      effects: [
        editable.current.reconfigure([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]),
        attributes.current.reconfigure(contentAttributes(label, describedBy)),
      ],
    });
  }, [readOnly, label, describedBy]);

  useEffect(() => {
    const current = view.current;
    if (!current) return;
    const length = current.state.doc.length;
    const clamped = diagnostics.map((d) => {
      const from = Math.max(0, Math.min(d.from, length));
      return { ...d, from, to: Math.max(from, Math.min(d.to, length)) };
    });
    current.dispatch(setDiagnostics(current.state, clamped));
  }, [diagnostics, value]);

  return <div ref={host} className="json-editor" data-testid={testId} />;
}

function contentAttributes(label: string, describedBy: string | undefined) {
  return EditorView.contentAttributes.of({
    'aria-label': label,
    'aria-multiline': 'true',
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
  });
}
