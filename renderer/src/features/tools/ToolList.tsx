import { useRef } from 'react';
import type { KeyboardEvent } from 'react';
import type { ToolDef } from '../../../../main/contract/tools';
import type { ToolDraft } from './toolForm';
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

/** The library as a keyboard listbox: ↑/↓, Home and End move the selection. */
export function ToolList({
  tools,
  selected,
  dirty,
  newName,
  onSelect,
  examples,
  onPickExample,
}: ToolListProps) {
  const list = useRef<HTMLUListElement>(null);

  const onKeyDown = (event: KeyboardEvent) => {
    const keys = [...(dirty.has('new') ? ['new'] : []), ...tools.map((t) => t.id)];
    const index = selected === null ? -1 : keys.indexOf(selected);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: keys.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const key = keys[Math.max(0, Math.min(keys.length - 1, target))];
    if (key === undefined) return;
    onSelect(key);
    list.current?.querySelector<HTMLElement>(`[data-tool-id="${CSS.escape(key)}"]`)?.focus();
  };

  return (
    <div className="tools-list-pane">
      <ul
        ref={list}
        className="tools-list scroll"
        role="listbox"
        aria-label="Tool library"
        onKeyDown={onKeyDown}
      >
        {dirty.has('new') ? (
          <li
            data-tool-id="new"
            role="option"
            aria-selected={selected === 'new'}
            tabIndex={selected === 'new' ? 0 : -1}
            className={selected === 'new' ? 'tools-item tools-item-active' : 'tools-item'}
            onClick={() => onSelect('new')}
          >
            <span className="tools-item-name mono">{newName || 'New tool'}</span>
            <span className="tools-item-desc">Not saved yet</span>
          </li>
        ) : null}
        {tools.map((tool) => {
          const active = tool.id === selected;
          const count = parameterCount(tool);
          return (
            <li
              key={tool.id}
              data-tool-id={tool.id}
              role="option"
              aria-selected={active}
              tabIndex={active || (selected === null && tool === tools[0]) ? 0 : -1}
              className={active ? 'tools-item tools-item-active' : 'tools-item'}
              onClick={() => onSelect(tool.id)}
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
            </li>
          );
        })}
      </ul>
      {examples.length > 0 ? (
        <div className="tools-examples-inline">
          <span className="label">Start from an example</span>
          <div className="tools-examples-row">
            {examples.map((e) => (
              <button
                key={e.name}
                type="button"
                className="btn btn-ghost tools-example-link"
                onClick={() => onPickExample(e.draft)}
              >
                {e.name}
              </button>
            ))}
          </div>
        </div>
      ) : null}
    </div>
  );
}
