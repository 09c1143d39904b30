// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { McpTool } from '../../../main/contract/mcp';
import type { ServerTools as Tools } from '../../../renderer/src/features/mcp/ServerTools';
import type { useStore as UseStore } from '../../../renderer/src/store';
import { click, press, render } from '../ui/render';

/** The bridge reads `window.api` once: the fake goes in first, the store is imported after. */
const setPolicy = vi.fn((input: { policy: string }) =>
  Promise.resolve({ ok: true as const, value: { ...tool, policy: input.policy } }),
);
Object.assign(window, { api: { mcp: { setPolicy } } });

let useStore: typeof UseStore;
let ServerTools: typeof Tools;
beforeAll(async () => {
  ({ useStore } = await import('../../../renderer/src/store'));
  ({ ServerTools } = await import('../../../renderer/src/features/mcp/ServerTools'));
});

let view: ReturnType<typeof render> | undefined;
afterEach(() => view?.unmount());

const tool: McpTool = {
  serverId: 's1',
  serverName: 'files',
  name: 'delete_file',
  functionName: 'files__delete_file',
  description: 'Deletes a file.',
  inputSchema: { type: 'object' },
  annotations: {},
  policy: 'ask',
  destructive: true,
  pinned: false,
  changed: false,
  flags: [],
  problem: null,
  canned: null,
};

const policyButton = () => document.querySelector<HTMLButtonElement>('.mcp-policy .ui-select-button');
const options = () => [...document.querySelectorAll('[role="listbox"] [role="option"]')];

describe("a server's tools", () => {
  it("each tool's policy is a select named for the tool: keyboard or a click sets it", async () => {
    const loadMcp = vi.fn(() => Promise.resolve());
    useStore.setState({ loadMcp });
    view = render(<ServerTools tools={[tool]} />);
    const button = policyButton();
    expect(button?.textContent).toBe('Ask each time');
    const names = (button?.getAttribute('aria-labelledby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id))
      .map((el) => (el === button ? button?.getAttribute('aria-label') : el?.textContent));
    expect(names).toEqual(['Ask each time', 'Policy for delete_file']);

    // Keyboard: ↓ opens on the current policy, ↓ again, Enter picks.
    button?.focus();
    press('ArrowDown');
    expect(options().map((o) => o.textContent)).toEqual(['Ask each time', 'Allow', 'Deny']);
    press('ArrowDown');
    await act(async () => press('Enter'));
    expect(setPolicy).toHaveBeenLastCalledWith({ serverId: 's1', name: 'delete_file', policy: 'allow' });

    // Mouse: open, click Deny.
    click(policyButton());
    await act(async () => click(options()[2] ?? null));
    expect(setPolicy).toHaveBeenLastCalledWith({ serverId: 's1', name: 'delete_file', policy: 'deny' });
    expect(loadMcp).toHaveBeenCalledTimes(2);
  });
});
