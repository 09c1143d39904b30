// The models feature's public entry: what other features may embed (lint: no deep imports).
export { ModelChip } from './ModelChip';
export { ModelPickerButton } from './ModelPickerButton';
export { ModelsPanel } from './ModelsPanel';
export { useSetThreadModel } from './useSetThreadModel';
