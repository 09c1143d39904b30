// What the Servers screen and the conversation's MCP pieces share.
export { DiffView } from './DiffView';
export { CannedChip } from './CannedChip';
export { ThreadToolRuns } from './ThreadToolRuns';
