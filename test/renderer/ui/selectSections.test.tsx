// @vitest-environment jsdom
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Select } from '../../../renderer/src/ui';
import { press, render } from './render';

let view: ReturnType<typeof render> | undefined;
afterEach(() => view?.unmount());

let chosen: string | null = null;
function Choice() {
  const [value, setValue] = useState<string | null>('auto');
  return (
    <Select
      label="Tool choice"
      options={[
        { id: 'auto', label: 'auto' },
        { id: 'none', label: 'none' },
      ]}
      sections={[{ title: 'Function', options: [{ id: 'fn:get_weather', label: 'get_weather' }] }]}
      value={value}
      onChange={(v) => {
        chosen = v;
        setValue(v);
      }}
    />
  );
}

const groupName = (group: Element) =>
  (group.getAttribute('aria-labelledby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('Select sections', () => {
  it('a section is a named group of options, reached by the arrows and picked like any option', () => {
    chosen = null;
    view = render(<Choice />);
    document.querySelector<HTMLButtonElement>('.ui-select-button')?.focus();
    press('ArrowDown');
    const groups = [...document.querySelectorAll('[role="listbox"] [role="group"]')];
    expect(groups).toHaveLength(1);
    expect(groupName(groups[0]!)).toBe('Function');
    expect([...groups[0]!.querySelectorAll('[role="option"]')].map((o) => o.textContent)).toEqual([
      'get_weather',
    ]);
    press('ArrowDown');
    press('ArrowDown');
    expect(document.activeElement?.textContent).toBe('get_weather');
    press('Enter');
    expect(chosen).toBe('fn:get_weather');
    expect(document.querySelector('.ui-select-button')?.textContent).toBe('get_weather');
  });
});
