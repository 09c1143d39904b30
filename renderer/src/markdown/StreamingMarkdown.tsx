import { useEffect, useMemo, useReducer, useSyncExternalStore } from 'react';
import { MarkdownChunk } from './MarkdownChunk';
import { onMarkdownClick } from './markdownClick';
import { mathGeneration, onMathLoaded } from './mathRender';
import { releaseStreaming, revealed, streamingMarkdown, tailHtml } from './streamingCache';
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
 * only the last block. Text far ahead of what it shows is taken in a step a frame (revealed).
 */
export function StreamingMarkdown({ messageId, text, live }: Props) {
  // Rendered again when KaTeX arrives: formulas drawn before then show as TeX.
  const math = useSyncExternalStore(onMathLoaded, mathGeneration);
  const [step, nextStep] = useReducer((n: number) => n + 1, 0);
  // `step` asks for the next part of text that was too far ahead to take in at once.
  const state = useMemo(
    () => streamingMarkdown(messageId, revealed(messageId, text)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [messageId, text, step],
  );
  const behind = state.input.length < text.length;
  useEffect(() => {
    if (!behind) return;
    const frame = requestAnimationFrame(nextStep);
    return () => cancelAnimationFrame(frame);
  }, [behind, state]);
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
