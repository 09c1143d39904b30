// @vitest-environment jsdom
import { act, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { NumberParam } from '../../../renderer/src/parts/settings/NumberParam';
import { NUMBER_FIELDS, checkDraft, emptyDraft } from '../../../renderer/src/parts/settings/paramsModel';
import { press, render, type } from '../ui/render';

let view: ReturnType<typeof render> | undefined;
afterEach(() => view?.unmount());

const temperature = NUMBER_FIELDS.find((f) => f.key === 'temperature');
if (!temperature) throw new Error('temperature is declared on the contract');

let sent: string[] = [];
/** The panel's loop: the text goes to the draft, the draft's check gives the contract's message. */
function Temperature({ initial }: { initial: string }) {
  const [value, setValue] = useState(initial);
  const draft = emptyDraft();
  draft.numbers.temperature = value;
  return (
    <NumberParam
      field={temperature as NonNullable<typeof temperature>}
      value={value}
      error={checkDraft(draft).errors.temperature}
      onChange={(v) => {
        sent.push(v);
        setValue(v);
      }}
    />
  );
}

const input = () => document.querySelector<HTMLInputElement>('input:not([type="range"])');
const describedBy = (el: Element | null) =>
  (el?.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');

describe('NumberParam', () => {
  afterEach(() => {
    sent = [];
  });

  it('is named by its parameter and shows the API default when unset', () => {
    view = render(<Temperature initial="" />);
    expect(input()?.labels?.[0]?.textContent).toBe('temperature');
    expect(input()?.placeholder).toBe(temperature?.apiDefault);
  });

  it('a typed value goes out at once, not only on blur', () => {
    view = render(<Temperature initial="0.2" />);
    type(input(), '0.7');
    expect(sent.at(-1)).toBe('0.7');
  });

  it('keeps an out-of-range value, marks it invalid and reads the contract message with it', () => {
    view = render(<Temperature initial="" />);
    type(input(), '7');
    act(() => input()?.blur());
    expect(input()?.value).toBe('7');
    expect(sent.at(-1)).toBe('7');
    expect(input()?.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(input())).toContain('temperature must be between 0 and 2');
  });

  it('↑ steps by the declared step and stops at the top of the range', () => {
    view = render(<Temperature initial="1.98" />);
    act(() => input()?.focus());
    press('ArrowUp');
    expect(sent.at(-1)).toBe(String(Math.round((1.98 + (temperature?.step ?? 0)) * 100) / 100));
    press('ArrowUp');
    press('ArrowUp');
    expect(input()?.value).toBe('2');
    expect(sent.at(-1)).toBe('2');
  });
});
