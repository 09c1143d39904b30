import { describe, expect, it } from 'vitest';
import { loadMoreLanguages } from '../../../renderer/src/markdown/code';
import { renderMarkdown } from '../../../renderer/src/markdown/render';

describe('highlighting languages beyond the first screen', () => {
  it('shows a Ruby block as plain escaped code at first, then highlighted once the rest has loaded', async () => {
    const block = '```ruby\ndef greet(name) = "<b>#{name}</b>"\n```\n';
    const first = renderMarkdown(block);
    expect(first).not.toContain('hljs-keyword');
    expect(first).toContain('&lt;b&gt;');
    await loadMoreLanguages();
    expect(renderMarkdown(block)).toContain('<span class="hljs-keyword">def</span>');
  });

  it('highlights the common languages from the first frame', () => {
    expect(renderMarkdown('```python\ndef f(): pass\n```\n')).toContain(
      '<span class="hljs-keyword">def</span>',
    );
  });
});
