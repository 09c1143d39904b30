// @vitest-environment jsdom
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ComboInput, ComboList, ComboOption, ComboSection, SearchCombo } from '../../../renderer/src/ui';
import { press, render, type } from './render';

const MODELS = [
  { id: 'gpt-4o', disabled: false },
  { id: 'gpt-4o-mini', disabled: true },
  { id: 'llama3:8b', disabled: false },
  { id: 'qwen-2.5', disabled: false },
];

/** A picker as a feature builds it: it filters its own items from the query. */
function Picker({ onPick }: { onPick: (id: string) => void }) {
  const [query, setQuery] = useState('');
  const shown = MODELS.filter((m) => m.id.includes(query));
  return (
    <SearchCombo query={query} onQueryChange={setQuery}>
      <ComboInput label="Search models" expanded={shown.length > 0} autoFocus />
      <ComboList
        aria-label="Models"
        disabledKeys={shown.filter((m) => m.disabled).map((m) => m.id)}
        onAction={(key) => onPick(String(key))}
      >
        <ComboSection title="All">
          {shown.map((m) => (
            <ComboOption key={m.id} id={m.id} textValue={m.id}>
              {m.id}
            </ComboOption>
          ))}
        </ComboSection>
      </ComboList>
    </SearchCombo>
  );
}

const input = () => document.querySelector<HTMLInputElement>('input[role="combobox"]');
/** The option the keyboard is on (React Aria marks it; aria-activedescendant follows it for readers). */
const highlighted = () => document.querySelector('[role="option"][data-focused]')?.textContent ?? null;
const options = () => [...document.querySelectorAll('[role="option"]')].map((o) => o.textContent);

let view: ReturnType<typeof render> | undefined;
afterEach(() => view?.unmount());

describe('SearchCombo', () => {
  it('is a named combobox that controls a listbox and keeps focus while arrows move the highlight', () => {
    view = render(<Picker onPick={vi.fn()} />);
    const field = input();
    expect(field?.getAttribute('aria-label')).toBe('Search models');
    expect(document.activeElement).toBe(field);
    expect(document.getElementById(field?.getAttribute('aria-controls') ?? '')?.getAttribute('role')).toBe(
      'listbox',
    );
    press('ArrowDown');
    expect(highlighted()).toBe('gpt-4o');
    expect(document.getElementById(field?.getAttribute('aria-activedescendant') ?? '')?.textContent).toBe(
      'gpt-4o',
    );
    // The forbidden model is skipped.
    press('ArrowDown');
    expect(highlighted()).toBe('llama3:8b');
    expect(document.activeElement).toBe(field);
  });

  it('filters as you type, highlights the first match, and Enter picks it', () => {
    const onPick = vi.fn();
    view = render(<Picker onPick={onPick} />);
    type(input(), 'qwen');
    expect(options()).toEqual(['qwen-2.5']);
    expect(highlighted()).toBe('qwen-2.5');
    press('Enter');
    expect(onPick).toHaveBeenCalledWith('qwen-2.5');
  });

  it('a disabled option cannot be picked', () => {
    const onPick = vi.fn();
    view = render(<Picker onPick={onPick} />);
    type(input(), 'mini');
    expect(options()).toEqual(['gpt-4o-mini']);
    press('Enter');
    expect(onPick).not.toHaveBeenCalled();
  });
});
