// @vitest-environment jsdom
import { act, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Button, TextField, Tooltip } from '../../../renderer/src/ui';
import { press, render } from './render';

let view: ReturnType<typeof render> | undefined;
afterEach(() => view?.unmount());

const describedBy = (element: Element | null) =>
  (element?.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');

function Name({ error }: { error: string | null }) {
  const [value, setValue] = useState('get_weather');
  return (
    <TextField label="Name" hint="Letters, digits, _ and -" value={value} onChange={setValue} error={error} />
  );
}

describe('TextField', () => {
  it('its label names the input and its hint describes it', () => {
    view = render(<Name error={null} />);
    const input = document.querySelector('input');
    expect(input?.labels?.[0]?.textContent).toBe('Name');
    expect(describedBy(input)).toBe('Letters, digits, _ and -');
    expect(input?.getAttribute('aria-invalid')).toBeNull();
  });

  it('an error marks it invalid, is read with it, and keeps what was typed', () => {
    view = render(<Name error="must be 1–64 letters" />);
    const input = document.querySelector('input');
    expect(input?.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(input)).toContain('must be 1–64 letters');
    expect(input?.value).toBe('get_weather');
  });
});

describe('Tooltip', () => {
  it('shows on keyboard focus and describes its control; Esc hides it', () => {
    view = render(
      <Tooltip label="Ctrl+I">
        <Button aria-label="Inspector">i</Button>
      </Tooltip>,
    );
    const button = document.querySelector('button');
    // Keyboard modality first, as a Tab would set it.
    press('Tab', document.body);
    press('Tab', document.body);
    act(() => button?.focus());
    const tooltip = document.querySelector('[role="tooltip"]');
    expect(tooltip?.textContent).toBe('Ctrl+I');
    expect(describedBy(button)).toBe('Ctrl+I');
    press('Escape', button);
    expect(document.querySelector('[role="tooltip"]')).toBeNull();
  });
});
