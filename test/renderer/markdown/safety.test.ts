// @vitest-environment jsdom
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../renderer/src/markdown/render';
import { sanitizeHtml } from '../../../renderer/src/markdown/sanitize';
import {
  releaseStreaming,
  stableChunkHtml,
  streamingMarkdown,
  tailHtml,
} from '../../../renderer/src/markdown/streamingCache';
import { BLOCKS, documentOf } from './arbitraries';
import { loadMath } from '../../../renderer/src/markdown/mathRender';

// The app fetches KaTeX on the first formula; here it is loaded before any render.
beforeAll(() => loadMath());

/** What a hostile model (or a prompt injection in a tool result) might write. */
const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)><circle r=1 /></svg>',
  '<iframe src="https://evil.example"></iframe>',
  '<a href="javascript:alert(1)">click</a>',
  '<style>body { display: none }</style>',
  '<form action="https://evil.example"><button>go</button></form>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<math><annotation-xml encoding="text/html"><img src=x onerror=alert(1)></annotation-xml></math>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](<javascript:alert(1)>)',
  '[click](  javascript:alert(1))',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[vb](vbscript:msgbox(1))',
  '[ref]\n\n[ref]: javascript:alert(1)',
  '![pic](javascript:alert(1))',
  '![pic](https://evil.example/x.png "t\\" onerror=\\"alert(1)")',
  '[t](https://ok.example "a\\" onmouseover=\\"alert(1)")',
  '<javascript:alert(1)>',
  '<https://ok.example/path?q="x">',
  'mail me: someone@example.com',
  '```"><img src=x onerror=alert(1)>\ncode <b>bold</b>\n```',
  '`<img src=x onerror=alert(1)>`',
  '$\\href{javascript:alert(1)}{x}$',
  '$\\url{javascript:alert(1)}$',
  '$\\htmlClass{x}{y}$ $\\htmlStyle{color:red}{y}$',
  '$\\textcolor{#f00;background:url(x)}{y}$',
  '&#x3C;script&#x3E;alert(1)&#x3C;/script&#x3E;',
  '&lt;img src=x onerror=alert(1)&gt;',
  '| <img src=x onerror=alert(1)> | b |\n| - | - |\n| [x](javascript:1) | 2 |',
  '- [x] <b onclick="alert(1)">task</b>',
  '<!-- <img src=x onerror=alert(1)> -->',
  '<div\nonclick="alert(1)">block</div>',
];

const hostileDocument = documentOf([...BLOCKS, ...HOSTILE], 10);

/** HTML as the browser would hold it once set as innerHTML (the form both sides are compared in). */
function parsed(html: string): HTMLTemplateElement {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template;
}

const SAFE_HREF = /^(?:https?:|mailto:)/iu;
const FORBIDDEN_TAGS = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'form',
  'img',
  'svg',
  'annotation-xml',
]);

/** Every way rendered HTML could run code or leave the app: none may appear. */
function unsafeParts(html: string): string[] {
  const found: string[] = [];
  for (const el of parsed(html).content.querySelectorAll('*')) {
    const tag = el.localName;
    if (FORBIDDEN_TAGS.has(tag)) found.push(`<${tag}>`);
    if (tag === 'input' && el.getAttribute('type') !== 'checkbox')
      found.push('<input> that is not a checkbox');
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) found.push(`${tag}[${name}]`);
      if (['src', 'srcset', 'action', 'formaction', 'xlink:href', 'background'].includes(name))
        found.push(`${tag}[${name}]`);
      if (name === 'href' && !SAFE_HREF.test(attr.value)) found.push(`${tag}[href=${attr.value}]`);
      if (name === 'style' && /url\(|expression\(/iu.test(attr.value))
        found.push(`${tag}[style=${attr.value}]`);
    }
  }
  return found;
}

/** Our renderer's HTML is what the app's DOMPurify configuration would make of it: sanitising changes nothing. */
function expectSafeByConstruction(html: string): void {
  expect(unsafeParts(html)).toEqual([]);
  expect(parsed(sanitizeHtml(html)).innerHTML).toBe(parsed(html).innerHTML);
}

describe('markdown from an untrusted model is safe to show', () => {
  it('renders every hostile fragment as text or a checked link, never as live HTML', () => {
    for (const fragment of HOSTILE) {
      const html = renderMarkdown(fragment);
      expect(unsafeParts(html), fragment).toEqual([]);
    }
    const shown = parsed(renderMarkdown('<img src=x onerror=alert(1)> and [click](javascript:alert(1))'));
    expect(shown.content.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(shown.content.querySelector('a')).toBeNull();
  });

  it("shows a hostile fence language as text and keeps it out of the code element's class", () => {
    const fence = '```<script>alert(1)</script>\nplain words\n```\n';
    const html = renderMarkdown(fence);
    expectSafeByConstruction(html);
    const shown = parsed(html).content;
    expect(shown.querySelector('.md-code-lang')?.textContent).toBe('<script>alert(1)</script>');
    expect(shown.querySelector('code')?.className).toBe('hljs');
    expect(parsed(renderMarkdown('```python\nx = 1\n```\n')).content.querySelector('code')?.className).toBe(
      'hljs language-python',
    );
  });

  it('produces HTML that DOMPurify leaves unchanged, for any document (so the streaming view may skip it)', () => {
    fc.assert(
      fc.property(hostileDocument, (text) => expectSafeByConstruction(renderMarkdown(text))),
      { numRuns: 400 },
    );
  });

  it('keeps every streaming piece (settled blocks and the live tail) safe at every step', () => {
    let run = 0;
    fc.assert(
      fc.property(
        hostileDocument,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }),
        (text, cuts) => {
          const id = `safety-${run++}`;
          try {
            const points = [...new Set(cuts.map((c) => Math.floor(c * text.length))), text.length].sort(
              (a, b) => a - b,
            );
            for (const point of points) {
              const state = streamingMarkdown(id, text.slice(0, point));
              for (const chunk of state.chunks) expectSafeByConstruction(stableChunkHtml(chunk));
              expectSafeByConstruction(tailHtml(state, true));
              expectSafeByConstruction(tailHtml(state, false));
            }
          } finally {
            releaseStreaming(id);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps the TeX source in MathML for screen readers after sanitising', () => {
    const html = sanitizeHtml(renderMarkdown('Energy: $E = mc^2$'));
    const annotation = parsed(html).content.querySelector('math semantics annotation');
    expect(annotation?.textContent).toBe('E = mc^2');
  });
});
