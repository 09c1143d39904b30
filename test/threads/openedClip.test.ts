import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clipMessage } from '../../main/threads/messageContent';
import { memoryRepo } from './support';

/**
 * Opening a thread reads a long message's beginning in SQL (a 5 MB row is no longer decoded
 * whole on main for the 64,000 characters the window gets): what the window receives must be
 * exactly what clipping the whole stored text gives, lengths counted in UTF-16 units as the
 * renderer counts them (emoji take two, SQLite's substr counts them as one).
 */
describe('a thread opened with its long messages clipped', () => {
  it('gives each message exactly as clipping its whole text would, whatever the characters', () => {
    const { repo } = memoryRepo();
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('a', 'é', '漢', '😀', '\ud83d', '\n'), maxLength: 60 }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.integer({ min: 1, max: 40 }),
        (texts, max) => {
          const thread = repo.createThread();
          let parentId: string | null = null;
          for (const [i, content] of texts.entries())
            parentId = repo.insertMessage({
              threadId: thread.id,
              parentId,
              role: i % 2 === 0 ? 'user' : 'assistant',
              content,
            }).id;
          const opened = repo.detail(thread.id, {}, max).messages;
          expect(opened).toEqual(opened.map((m) => clipMessage(repo.getMessage(m.id), max)));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('opens a 5 MB answer of accents and emoji with its first characters and its whole length', () => {
    const { repo } = memoryRepo();
    const thread = repo.createThread();
    const huge = 'é😀漢a'.repeat(1_000_000);
    const q = repo.insertMessage({ threadId: thread.id, parentId: null, role: 'user', content: 'long?' });
    repo.insertMessage({ threadId: thread.id, parentId: q.id, role: 'assistant', content: huge });
    const [question, answer] = repo.detail(thread.id, {}, 64_000).messages;
    expect(question).toMatchObject({ content: 'long?' });
    expect(question?.contentLength).toBeUndefined();
    expect(answer?.content === huge.slice(0, 64_000)).toBe(true);
    expect(answer?.contentLength).toBe(huge.length);
  });

  it('keeps a streaming message whole', () => {
    const { repo } = memoryRepo();
    const thread = repo.createThread();
    const text = 'x'.repeat(100);
    repo.insertMessage({
      threadId: thread.id,
      parentId: null,
      role: 'assistant',
      content: text,
      status: 'streaming',
    });
    const [live] = repo.detail(thread.id, {}, 10).messages;
    expect(live?.content).toBe(text);
    expect(live?.contentLength).toBeUndefined();
  });
});
