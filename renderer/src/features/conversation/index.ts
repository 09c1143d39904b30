// The conversation feature's public entry: the middle pane.
export { ConversationPane } from './ConversationPane';
