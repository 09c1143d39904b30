import { useEffect, useMemo } from 'react';
import { MarkdownChunk } from './MarkdownChunk';
import { onMarkdownClick } from './markdownClick';
import { releaseStreaming, streamingMarkdown, tailHtml } from './streamingCache';
import 'katex/dist/katex.min.css';
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
  const state = useMemo(() => streamingMarkdown(messageId, text), [messageId, text]);
  const tail = useMemo(() => tailHtml(state, live), [state, live]);
  useEffect(() => () => releaseStreaming(messageId), [messageId]);
  return (
    <div className={live ? 'md md-streaming' : 'md'} onClick={onMarkdownClick} onAuxClick={onMarkdownClick}>
      {state.chunks.map((chunk) => (
        <MarkdownChunk key={chunk.key} chunk={chunk} />
      ))}
      <div className="md-chunk md-tail" dangerouslySetInnerHTML={{ __html: tail }} />
    </div>
  );
}
