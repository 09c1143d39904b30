// The MCP feature's public entry: the servers screen.
export { McpScreen } from './McpScreen';
