import { lazy } from 'react';
// The tools feature's public entry: its screen, which only the shell mounts (nav routing).
// The pieces other screens embed (a message's tool calls, a thread's tools, the response format
// editor) are in parts/tools. The screen loads when first opened (code splitting keeps the first
// screen small).
export const ToolsScreen = lazy(() => import('./ToolsScreen').then((m) => ({ default: m.ToolsScreen })));
