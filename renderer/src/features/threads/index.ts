// The threads feature's public entry: the left-hand pane.
export { ThreadsPane } from './ThreadsPane';
