import type { ComponentProps } from 'react';
import { lazy, Suspense } from 'react';

// CodeMirror is about a third of the renderer's code and only the tools editor and the
// response-format editor use it: it is fetched the first time one of them is shown.
const CodeMirrorJsonEditor = lazy(() => import('./JsonEditor').then((m) => ({ default: m.JsonEditor })));

type Props = ComponentProps<typeof CodeMirrorJsonEditor>;

/** The JSON editor, loaded on first use; until then its text is shown read-only in its place. */
export function JsonEditor(props: Props) {
  return (
    <Suspense
      fallback={
        <div className="json-editor" aria-busy="true">
          <pre className="json-editor-loading" style={{ minHeight: 140, margin: 0 }}>
            {props.value}
          </pre>
        </div>
      }
    >
      <CodeMirrorJsonEditor {...props} />
    </Suspense>
  );
}
