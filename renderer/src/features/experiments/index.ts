// The experiments feature's public entry: its screen.
export { ExperimentsScreen } from './ExperimentsScreen';
