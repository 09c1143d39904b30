import { lazy } from 'react';
// The tools feature's public entry: its screen, a message's tool calls, a thread's tools, the response format editor.
// The screen loads when first opened (code splitting keeps the first screen small).
export const ToolsScreen = lazy(() => import('./ToolsScreen').then((m) => ({ default: m.ToolsScreen })));
export { ToolCallsBlock } from './ToolCallsBlock';
export const ThreadToolsSection = lazy(() =>
  import('./ThreadToolsSection').then((m) => ({ default: m.ThreadToolsSection })),
);
export { ResponseFormatEditor } from './ResponseFormatEditor';
