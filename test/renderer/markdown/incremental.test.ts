import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { allTokens, emptyMarkdown, updateMarkdown } from '../../../renderer/src/markdown/incremental';
import type { IncrementalMarkdown } from '../../../renderer/src/markdown/incremental';
import { lexMarkdown } from '../../../renderer/src/markdown/lexer';
import { renderTokens } from '../../../renderer/src/markdown/render';
import { documentArb } from './arbitraries';
import { loadMath } from '../../../renderer/src/markdown/mathRender';

// The app fetches KaTeX on the first formula; here it is loaded before any render.
beforeAll(() => loadMath());

/** Cut points through the document, always ending with the whole text. */
function prefixes(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => Math.floor(c * text.length)))].sort((a, b) => a - b);
  return [...points.map((p) => text.slice(0, p)), text];
}

function expectEqualToFullParse(state: IncrementalMarkdown, text: string): void {
  const full = lexMarkdown(text).tokens;
  expect(allTokens(state)).toEqual(full);
  expect(state.chunks.map((c) => renderTokens(c.tokens)).join('') + renderTokens(state.tail)).toBe(
    renderTokens(full),
  );
}

/** An answer of `count` paragraphs streamed one paragraph at a time: its texts and its state. */
function streamedParagraphs(count: number) {
  const paragraphs = Array.from({ length: count }, (_, i) => `Paragraph ${i} with **bold** and \`code\`.`);
  let state = emptyMarkdown;
  let text = '';
  for (const p of paragraphs) {
    text += `${p}\n\n`;
    state = updateMarkdown(state, text);
  }
  return { paragraphs, text, state };
}

describe('incremental markdown while an answer streams', () => {
  it('equals a full parse of the text at every step, whatever the chunking', () => {
    fc.assert(
      fc.property(
        documentArb,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 40 }),
        (text, cuts) => {
          let state = emptyMarkdown;
          for (const prefix of prefixes(text, cuts)) {
            state = updateMarkdown(state, prefix);
            expectEqualToFullParse(state, prefix);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('equals a full parse when the text grows one character at a time', () => {
    fc.assert(
      fc.property(documentArb, (text) => {
        let state = emptyMarkdown;
        for (let i = 1; i <= text.length; i++) {
          state = updateMarkdown(state, text.slice(0, i));
          expectEqualToFullParse(state, text.slice(0, i));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('settles finished blocks so a long answer only re-lexes its last block', () => {
    const { paragraphs, text, state: streamed } = streamedParagraphs(200);
    let state = streamed;
    state = updateMarkdown(state, `${text}Last words`);
    // Only the last finished paragraph waits for the next line to complete before it settles.
    const lastParagraph = `${paragraphs.at(-1) ?? ''}\n\n`;
    expect(state.tailSource.length).toBe(lastParagraph.length + 'Last words'.length);
    expectEqualToFullParse(state, `${text}Last words`);
  });

  // A streaming answer passing the size shown whole becomes its first part: the same text cut short.
  it('equals a full parse when the text is cut short, and grows again from there', () => {
    fc.assert(
      fc.property(
        documentArb,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (text, cuts, cut) => {
          let state = emptyMarkdown;
          for (const prefix of prefixes(text, cuts)) state = updateMarkdown(state, prefix);
          const short = text.slice(0, Math.floor(cut * text.length));
          state = updateMarkdown(state, short);
          expectEqualToFullParse(state, short);
          state = updateMarkdown(state, text);
          expectEqualToFullParse(state, text);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('keeps the settled blocks of a text cut short instead of lexing it again', () => {
    const { text, state } = streamedParagraphs(50);
    const half = text.slice(0, text.indexOf('Paragraph 25'));
    const cut = updateMarkdown(state, `${half}Para`);
    // Chunks before the cut are the very objects shown before it: nothing there is rendered again.
    expect(cut.chunks.length).toBeGreaterThan(20);
    cut.chunks.forEach((chunk, i) => expect(chunk).toBe(state.chunks[i]));
    expect(cut.generation).toBe(state.generation);
    expectEqualToFullParse(cut, `${half}Para`);
  });

  it('starts over when the text cut short loses a link definition its blocks were lexed with', () => {
    let state = updateMarkdown(emptyMarkdown, 'See [docs].\n\nMore text here.\n\n');
    state = updateMarkdown(
      state,
      'See [docs].\n\nMore text here.\n\n[docs]: https://example.com/docs\n\nAfter.\n',
    );
    const cut = updateMarkdown(state, 'See [docs].\n\nMore text here.\n\nAfter');
    expect(cut.generation).toBeGreaterThan(state.generation);
    expectEqualToFullParse(cut, 'See [docs].\n\nMore text here.\n\nAfter');
  });

  it('starts over when the text is replaced rather than extended', () => {
    let state = updateMarkdown(emptyMarkdown, 'first answer\n\nwith two paragraphs\n');
    state = updateMarkdown(state, 'an edited answer');
    expectEqualToFullParse(state, 'an edited answer');
  });

  it('turns earlier references into links when their definition arrives later', () => {
    let state = updateMarkdown(emptyMarkdown, 'See [docs].\n\nMore text here.\n\n');
    state = updateMarkdown(state, 'See [docs].\n\nMore text here.\n\n[docs]: https://example.com\n');
    expectEqualToFullParse(state, 'See [docs].\n\nMore text here.\n\n[docs]: https://example.com\n');
    expect(renderTokens(allTokens(state))).toContain('href="https://example.com"');
  });

  it('treats CRLF line endings like LF', () => {
    const state = updateMarkdown(emptyMarkdown, 'one\r\n\r\ntwo\r\n');
    expectEqualToFullParse(state, 'one\n\ntwo\n');
  });
});
