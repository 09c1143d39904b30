// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { MarkdownView } from '../../../renderer/src/markdown/MarkdownView';
import { loadMath } from '../../../renderer/src/markdown/mathRender';
import { render } from '../ui/render';

describe('KaTeX loads when the first formula needs it', () => {
  it('shows a formula as its TeX until KaTeX has arrived, then the same message shows it typeset', async () => {
    // Nothing has asked for KaTeX in this fresh module graph, so the first render has only the TeX.
    const { container, unmount } = render(
      <MarkdownView messageId="m1" text="Energy: $E = mc^2$ in joules." />,
    );
    expect(container.querySelector('.katex')).toBeNull();
    expect(container.textContent).toContain('$E = mc^2$');

    await act(() => loadMath());

    expect(container.querySelector('.katex')).not.toBeNull();
    expect(container.querySelector('annotation')?.textContent).toBe('E = mc^2');
    expect(container.textContent).not.toContain('$E = mc^2$');
    unmount();
  });
});
