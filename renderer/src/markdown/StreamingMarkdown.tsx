import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { MarkdownChunk } from './MarkdownChunk';
import { onMarkdownClick } from './markdownClick';
import { mathGeneration, onMathLoaded } from './mathRender';
import { releaseStreaming, streamingMarkdown, tailHtml } from './streamingCache';
import './markdown.css';

interface Props {
  messageId: string;
  text: string;
  /** Text is still arriving: show the caret. */
  live: boolean;
}

/**
 * The message being written: settled blocks render once each, only the tail is lexed and
 * rendered again as text arrives. It stays in use after the answer ends, so finishing costs
 * only the last block.
 */
export function StreamingMarkdown({ messageId, text, live }: Props) {
  // Rendered again when KaTeX arrives: formulas drawn before then show as TeX.
  const math = useSyncExternalStore(onMathLoaded, mathGeneration);
  const state = useMemo(() => streamingMarkdown(messageId, text), [messageId, text]);
  // `math` is read by the renderer through mathGeneration().
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const tail = useMemo(() => tailHtml(state, live), [state, live, math]);
  useEffect(() => () => releaseStreaming(messageId), [messageId]);
  return (
    <div className="md" onClick={onMarkdownClick} onAuxClick={onMarkdownClick}>
      {state.chunks.map((chunk) => (
        <MarkdownChunk key={chunk.key} chunk={chunk} math={math} />
      ))}
      <div
        className={live ? 'md-chunk md-tail is-live' : 'md-chunk md-tail'}
        dangerouslySetInnerHTML={{ __html: tail }}
      />
    </div>
  );
}
