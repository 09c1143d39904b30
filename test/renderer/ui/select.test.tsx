// @vitest-environment jsdom
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Select, TextField } from '../../../renderer/src/ui';
import { click, press, render } from './render';

let view: ReturnType<typeof render> | undefined;
afterEach(() => view?.unmount());

const describedBy = (element: Element | null) =>
  (element?.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');
// The accessible name from aria-labelledby (an id naming the element itself reads its aria-label).
const labelOf = (element: Element | null) =>
  (element?.getAttribute('aria-labelledby') ?? '')
    .split(' ')
    .map((id) =>
      id === element?.id
        ? (element.getAttribute('aria-label') ?? '')
        : (document.getElementById(id)?.textContent ?? ''),
    )
    .join(' ');

type Period = 'day' | 'week' | 'month';
const PERIODS = [
  { id: 'day', label: 'day' },
  { id: 'week', label: 'week', isDisabled: true },
  { id: 'month', label: 'month', description: 'calendar month' },
] as const;

let chosen: Period | null = null;
function Period({ error = null, initial = 'day' }: { error?: string | null; initial?: Period | null }) {
  const [value, setValue] = useState<Period | null>(initial);
  return (
    <Select<Period>
      label="Per"
      hint="When the limit starts again"
      options={PERIODS}
      value={value}
      onChange={(v) => {
        chosen = v;
        setValue(v);
      }}
      error={error}
    />
  );
}

const trigger = () => document.querySelector<HTMLButtonElement>('.ui-select-button');
const options = () => [...document.querySelectorAll('[role="option"]')];

describe('Select', () => {
  it('its label names the button, which shows the value; the hint describes it', () => {
    view = render(<Period />);
    expect(labelOf(trigger())).toContain('Per');
    expect(trigger()?.textContent).toBe('day');
    expect(describedBy(trigger())).toBe('When the limit starts again');
    expect(trigger()?.getAttribute('aria-haspopup')).toBe('listbox');
  });

  it('shows the placeholder while nothing is chosen', () => {
    view = render(<Period initial={null} />);
    expect(trigger()?.textContent).toBe('Choose…');
  });

  it('an error is read with it and marks the field invalid; the value stays', () => {
    view = render(<Period error="Choose a period" />);
    expect(describedBy(trigger())).toContain('Choose a period');
    expect(document.querySelector('.ui-select')?.hasAttribute('data-invalid')).toBe(true);
    expect(trigger()?.textContent).toBe('day');
  });

  it('↓ opens the list on the chosen option, arrows skip a disabled one, Enter picks and closes', () => {
    chosen = null;
    view = render(<Period />);
    trigger()?.focus();
    press('ArrowDown');
    const listbox = document.querySelector('[role="listbox"]');
    expect(listbox).not.toBeNull();
    expect(options().map((o) => o.textContent)).toEqual(['day', 'week', 'monthcalendar month']);
    expect(document.activeElement?.textContent).toBe('day');
    expect(options()[1]?.getAttribute('aria-disabled')).toBe('true');
    press('ArrowDown');
    expect(document.activeElement?.textContent).toBe('monthcalendar month');
    press('Enter');
    expect(chosen).toBe('month');
    expect(document.querySelector('[role="listbox"]')).toBeNull();
    expect(trigger()?.textContent).toBe('month');
  });

  it('Esc closes the list and keeps the value', () => {
    chosen = null;
    view = render(<Period />);
    click(trigger());
    expect(document.querySelector('[role="listbox"]')).not.toBeNull();
    press('ArrowDown');
    press('Escape');
    expect(document.querySelector('[role="listbox"]')).toBeNull();
    expect(chosen).toBeNull();
    expect(trigger()?.textContent).toBe('day');
  });

  it('a hidden label still names it', () => {
    view = render(
      <Select label="Grading model of check 1" hideLabel options={PERIODS} value="day" onChange={() => {}} />,
    );
    expect(document.querySelector('.label')).toBeNull();
    expect(labelOf(trigger())).toContain('Grading model of check 1');
  });
});

describe('TextField, hidden label and extras', () => {
  it('a hidden label is the accessible name; maxLength and inputMode reach the input', () => {
    view = render(
      <TextField label="Limit" hideLabel value="5" onChange={() => {}} inputMode="decimal" maxLength={12} />,
    );
    const input = document.querySelector('input');
    expect(document.querySelector('label')).toBeNull();
    expect(input?.getAttribute('aria-label')).toBe('Limit');
    expect(input?.getAttribute('inputmode')).toBe('decimal');
    expect(input?.maxLength).toBe(12);
  });
});
