import type { ToolDef } from '../../../../main/contract/tools';
import { Button } from '../../ui/Button';
import { Listbox, ListboxItem } from '../../ui/Listbox';
import { McpLibraryTools } from './McpLibraryTools';
import type { ToolDraft } from '../../parts/tools';
import type { ToolExample } from './useToolExamples';

interface ToolListProps {
  tools: readonly ToolDef[];
  selected: string | null;
  /** Keys with unsaved edits (`new` for the tool being written). */
  dirty: ReadonlySet<string>;
  /** Name typed so far for the unsaved tool, if any. */
  newName: string;
  onSelect(id: string): void;
  examples: readonly ToolExample[];
  onPickExample(draft: ToolDraft): void;
}

const parameterCount = (tool: ToolDef): number => {
  const props = tool.parameters.properties;
  return props !== null && typeof props === 'object' ? Object.keys(props).length : 0;
};

/** The library as a listbox (ui/Listbox): ↑/↓, Home, End and typing move the selection. */
export function ToolList({
  tools,
  selected,
  dirty,
  newName,
  onSelect,
  examples,
  onPickExample,
}: ToolListProps) {
  return (
    <div className="panes-list-pane">
      <Listbox
        aria-label="Tool library"
        className="panes-list scroll"
        selectedKeys={selected === null ? [] : [selected]}
        onSelect={onSelect}
      >
        {dirty.has('new') ? (
          <ListboxItem
            id="new"
            textValue={newName || 'New tool'}
            className={
              selected === 'new' ? 'panes-item tools-item panes-item-active' : 'panes-item tools-item'
            }
          >
            <span className="tools-item-name mono">{newName || 'New tool'}</span>
            <span className="tools-item-desc">Not saved yet</span>
          </ListboxItem>
        ) : null}
        {tools.map((tool) => {
          const count = parameterCount(tool);
          return (
            <ListboxItem
              key={tool.id}
              id={tool.id}
              textValue={tool.name}
              className={
                tool.id === selected ? 'panes-item tools-item panes-item-active' : 'panes-item tools-item'
              }
            >
              <span className="tools-item-row">
                <span className="tools-item-name mono">{tool.name}</span>
                {dirty.has(tool.id) ? (
                  <span className="tools-dirty" title="Unsaved changes" aria-label="unsaved changes">
                    ●
                  </span>
                ) : null}
              </span>
              <span className="tools-item-desc">{tool.description || 'No description'}</span>
              <span className="tools-item-meta">
                <span className="num">
                  {count} parameter{count === 1 ? '' : 's'}
                </span>
                {tool.cannedResult !== null ? <span className="chip">canned result</span> : null}
              </span>
            </ListboxItem>
          );
        })}
      </Listbox>
      <McpLibraryTools />
      {examples.length > 0 ? (
        <div className="tools-examples-inline">
          <span className="label">Start from an example</span>
          <div className="tools-examples-row">
            {examples.map((e) => (
              <Button
                key={e.name}
                variant="quiet"
                className="tools-example-link"
                onPress={() => onPickExample(e.draft)}
              >
                {e.name}
              </Button>
            ))}
          </div>
        </div>
      ) : null}
    </div>
  );
}
