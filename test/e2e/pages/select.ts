import type { Locator } from 'playwright-core';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A ui/Select inside `scope`: React Aria names its button "<shown value> <label>", so the button
 * is found by the label at the end of its name.
 */
export function selectButton(scope: Locator, label: string): Locator {
  return scope.getByRole('button', { name: new RegExp(` ${escape(label)}$`) });
}

/**
 * Picks `option` (its exact text, or a pattern for text that holds a date) in the ui/Select named
 * `label` as a user does (opens it, clicks the option) and waits until the list has closed. With
 * `shows` (the default), also waits until the select shows the option; an action select that goes
 * back to its placeholder ("Add a model…") passes false. Page modules wrap this in their own
 * `choose(...)`, naming the selects of their screen.
 */
export async function chooseIn(
  scope: Locator,
  label: string,
  option: string | RegExp,
  shows = true,
): Promise<void> {
  await selectButton(scope, label).click();
  const list = scope.page().getByRole('listbox');
  const picked = list.getByRole('option', { name: option, exact: true });
  const text = typeof option === 'string' ? option : await picked.innerText();
  await picked.click();
  await list.waitFor({ state: 'hidden' });
  if (shows) await scope.getByRole('button', { name: `${text} ${label}`, exact: true }).waitFor();
}
