// @vitest-environment jsdom
// The Attestation panel's collateral source: says which source is in use, refuses a bad URL with
// main's reason while keeping the text to mend, and saves a good one.
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CollateralSetting } from '../../../main/contract/attestation';
import { click, render, type } from '../ui/render';

const setting = (url: string | null): CollateralSetting => ({
  providerId: 'p1',
  url,
  effective: url ?? 'https://api.trustedservices.intel.com',
});
const collateral = vi.fn(() => Promise.resolve({ ok: true as const, value: setting(null) }));
const setCollateral = vi.fn();
// The bridge reads window.api once, when first imported: put the fake in place before that.
Object.defineProperty(window, 'api', {
  value: { attestation: { collateral, setCollateral, onChanged: vi.fn(() => () => undefined) } },
  configurable: true,
});
const { CollateralSection } = await import('../../../renderer/src/parts/attestation/CollateralSection');

let view: ReturnType<typeof render> | undefined;
afterEach(() => view?.unmount());

const field = () => document.querySelector<HTMLInputElement>('[data-testid="attestation-collateral"] input');
const button = (name: string) =>
  [...document.querySelectorAll('button')].find((b) => b.textContent === name) ?? null;
const settle = () => act(() => Promise.resolve());

describe('the collateral source field', () => {
  it("names the app's source while the provider has none", async () => {
    view = render(<CollateralSection providerId="p1" />);
    await settle();
    expect(document.body.textContent).toContain(
      "Fetched from api.trustedservices.intel.com, the app's source, unless you name this provider's PCCS.",
    );
    expect(button('Save')?.hasAttribute('disabled')).toBe(true);
  });

  it("shows main's reason for a refused URL, keeps the text, then saves a good one", async () => {
    view = render(<CollateralSection providerId="p1" />);
    await settle();
    setCollateral.mockResolvedValueOnce({
      ok: false,
      error: {
        code: 'invalid_request',
        message: 'The PCCS must be reached over https (http only on this machine), not http.',
      },
    });
    type(field(), 'http://pccs.example');
    click(button('Save'));
    await settle();
    expect(setCollateral).toHaveBeenLastCalledWith({ providerId: 'p1', url: 'http://pccs.example' });
    expect(field()?.getAttribute('aria-invalid')).toBe('true');
    expect(document.body.textContent).toContain('must be reached over https');
    expect(field()?.value).toBe('http://pccs.example');

    setCollateral.mockResolvedValueOnce({ ok: true, value: setting('https://pccs.example') });
    type(field(), 'https://pccs.example');
    click(button('Save'));
    await settle();
    expect(field()?.value).toBe('https://pccs.example');
    expect(field()?.getAttribute('aria-invalid')).not.toBe('true');
    expect(document.body.textContent).toContain('Fetched from this PCCS.');
    expect(button('Use the app’s source')).not.toBeNull();
  });
});
