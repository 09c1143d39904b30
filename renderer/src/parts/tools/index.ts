import { lazy } from 'react';
// The tools part's public entry: what screens embed (a message's tool calls, a thread's tools, the
// response format editor) and what the tools screen builds its editor from (the JSON editor, the
// tool form model, schema problems). The Tools screen itself is features/tools.
export { ToolCallsBlock } from './ToolCallsBlock';
export const ThreadToolsSection = lazy(() =>
  import('./ThreadToolsSection').then((m) => ({ default: m.ThreadToolsSection })),
);
export { ResponseFormatEditor } from './ResponseFormatEditor';
export { JsonEditor } from './LazyJsonEditor';
export { SchemaProblemList } from './SchemaProblemList';
export { useSchemaProblems } from './useSchemaProblems';
export type { ToolDraft } from './toolForm';
export {
  draftFromTool,
  draftsEqual,
  draftToInput,
  emptyDraft,
  nameProblem,
  problemsToDiagnostics,
  saveBlocker,
} from './toolForm';
