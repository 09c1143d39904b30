// The providers feature's public entry: its screen.
export { ProvidersScreen } from './ProvidersScreen';
