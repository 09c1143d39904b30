// The inspector feature's public entry: the right-hand pane.
export { InspectorPane } from './InspectorPane';
