// The tools feature's public entry: its screen, a message's tool calls, a thread's tools, the response format editor.
export { ToolsScreen } from './ToolsScreen';
export { ToolCallsBlock } from './ToolCallsBlock';
export { ThreadToolsSection } from './ThreadToolsSection';
export { ResponseFormatEditor } from './ResponseFormatEditor';
