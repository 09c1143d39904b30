// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { Preset } from '../../../main/contract';
import { draftFromPreset, type ProviderDraft } from '../../../renderer/src/features/providers/draft';
import { ProviderForm } from '../../../renderer/src/features/providers/ProviderForm';
import { click, nextFrame, press, render } from '../ui/render';

let view: ReturnType<typeof render> | undefined;
afterEach(() => view?.unmount());

const gateway: Preset = {
  id: 'openai-compatible',
  name: 'OpenAI-compatible',
  baseUrl: 'https://api.example.com/v1',
  authKinds: ['api-key', 'none'],
  description: '',
};

function mount() {
  const changes: ProviderDraft[] = [];
  view = render(
    <ProviderForm
      idPrefix="p"
      draft={draftFromPreset(gateway)}
      errors={{}}
      preset={gateway}
      onChange={(d) => changes.push(d)}
    />,
  );
  return changes;
}

const authButton = () =>
  [...document.querySelectorAll<HTMLButtonElement>('button[aria-haspopup="listbox"]')].find((b) =>
    (b.getAttribute('aria-labelledby') ?? '')
      .split(' ')
      .some((id) => document.getElementById(id)?.textContent === 'Authentication'),
  ) ?? null;

describe('ProviderForm', () => {
  it('picks the authentication through the app’s select, every kind offered for a gateway', async () => {
    const changes = mount();
    expect(document.querySelector('select:not([tabindex="-1"])')).toBeNull();
    const button = authButton();
    expect(button?.textContent).toBe('API key');
    button?.focus();
    press('ArrowDown', button);
    await nextFrame();
    const options = [...document.querySelectorAll<HTMLElement>('[role="option"]')];
    expect(options.map((o) => o.textContent)).toEqual([
      'Access token (JWT)',
      'API key',
      'Sign in (OAuth)',
      'No authentication',
    ]);
    click(options.find((o) => o.textContent === 'No authentication') ?? null);
    expect(changes.at(-1)?.authKind).toBe('none');
  });
});
