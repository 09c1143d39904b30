import { lazy } from 'react';
// The MCP feature's public entry: the servers screen.
// The screen loads when first opened (code splitting keeps the first screen small).
export const McpScreen = lazy(() => import('./McpScreen').then((m) => ({ default: m.McpScreen })));
