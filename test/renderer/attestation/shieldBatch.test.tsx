// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AnswerVerdict, Provider } from '../../../main/contract';
import type { AnswerShield as Shield } from '../../../renderer/src/parts/attestation';
import type { useStore as UseStore } from '../../../renderer/src/store';
import { render } from '../ui/render';

/**
 * Each answer of a confidential provider asks main for its verification verdict when its shield
 * is first drawn. They ask together: a call (and a store update) per answer was thousands of
 * calls while a 10,000-message thread scrolled by, and the scroll's frames waited on them.
 */
type Answers = (input: { messageIds: string[] }) => Promise<unknown>;
const answers = vi.fn<Answers>();
Object.assign(window, {
  api: {
    attestation: { answers, onChanged: vi.fn(() => () => undefined) },
    providers: { list: vi.fn(() => Promise.resolve({ ok: true, value: [] })) },
  },
});

let useStore: typeof UseStore;
let AnswerShield: typeof Shield;
beforeAll(async () => {
  ({ useStore } = await import('../../../renderer/src/store'));
  ({ AnswerShield } = await import('../../../renderer/src/parts/attestation'));
  useStore.setState({ providers: [{ id: 'conf', preset: 'confidential' } as Provider] });
});

let view: ReturnType<typeof render> | undefined;
afterEach(() => {
  view?.unmount();
  answers.mockReset();
});

const verdict = (messageId: string): AnswerVerdict => ({
  messageId,
  providerId: 'conf',
  model: 'phala/m',
  state: 'verified',
  rechecking: false,
  level: 'signed',
  claim: 'signed',
  reason: null,
  failedCheck: null,
  format: 'eip191',
  checks: [],
  at: 1,
  exportable: true,
});

const shields = (ids: string[]) => (
  <>
    {ids.map((id) => (
      <AnswerShield key={id} message={{ id, role: 'assistant', status: 'complete', providerId: 'conf' }} />
    ))}
  </>
);

describe('the shields of a thread', () => {
  it('ask for their verdicts in one call, and show the ones that have one', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `a${i}`);
    answers.mockImplementation(({ messageIds }) =>
      Promise.resolve({
        ok: true,
        value: Object.fromEntries(messageIds.map((id) => [id, id === 'a7' ? verdict(id) : null])),
      }),
    );
    view = render(shields(ids));
    await act(async () => {
      await Promise.resolve();
    });
    expect(answers).toHaveBeenCalledTimes(1);
    expect(answers.mock.calls[0]?.[0].messageIds).toEqual(ids);
    await vi.waitFor(() =>
      expect(view?.container.querySelectorAll('[data-testid="attestation-shield"]')).toHaveLength(1),
    );
    // Drawn again (scrolled out and back), none asks twice.
    view.rerender(shields(ids.slice(0, 10)));
    await act(async () => {
      await Promise.resolve();
    });
    expect(answers).toHaveBeenCalledTimes(1);
  });

  it('split a long thread into calls of at most 500', async () => {
    const ids = Array.from({ length: 1_100 }, (_, i) => `b${i}`);
    answers.mockImplementation(() => new Promise(() => undefined));
    view = render(shields(ids));
    await act(async () => {
      await Promise.resolve();
    });
    expect(answers.mock.calls.map(([input]) => input.messageIds.length)).toEqual([500, 500, 100]);
  });
});
