// The models part's public entry: what screens may embed (lint: no deep imports).
export { ModelChip } from './ModelChip';
export { ModelPickerButton } from './ModelPickerButton';
export { ModelsPanel } from './ModelsPanel';
export { useSetThreadModel } from './useSetThreadModel';
