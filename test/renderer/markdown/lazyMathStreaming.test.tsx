// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { loadMath } from '../../../renderer/src/markdown/mathRender';
import { StreamingMarkdown } from '../../../renderer/src/markdown/StreamingMarkdown';
import { render } from '../ui/render';

describe('KaTeX arriving after an answer streamed its formulas', () => {
  it('typesets the formulas of the settled blocks and of the last block, after the answer ended', async () => {
    const first = 'Energy: $E = mc^2$ in joules.\n\n';
    const whole = `${first}And a sum: $\\sum_i x_i$ at the end.`;
    // Nothing has asked for KaTeX in this fresh module graph: the streamed text shows TeX.
    const view = render(<StreamingMarkdown messageId="m1" text={first} live />);
    view.rerender(<StreamingMarkdown messageId="m1" text={whole} live />);
    view.rerender(<StreamingMarkdown messageId="m1" text={whole} live={false} />);
    const { container } = view;
    expect(container.querySelector('.katex')).toBeNull();
    expect(container.textContent).toContain('$E = mc^2$');

    await act(() => loadMath());

    // The answer's text did not change: the view is drawn again because KaTeX came.
    const annotations = [...container.querySelectorAll('annotation')].map((a) => a.textContent);
    expect(annotations).toEqual(['E = mc^2', '\\sum_i x_i']);
    expect(container.textContent).not.toContain('$E = mc^2$');
    expect(container.querySelectorAll('.md-math-pending')).toHaveLength(0);
    view.unmount();
  });
});
