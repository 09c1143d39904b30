// The settings part's public entry: a thread's parameter panel.
export { ThreadSettingsPanel } from './ThreadSettingsPanel';
