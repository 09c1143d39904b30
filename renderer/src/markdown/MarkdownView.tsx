import { memo, useMemo } from 'react';
import { finishedHtml } from './cache';
import { onMarkdownClick } from './markdownClick';
import 'katex/dist/katex.min.css';
import './markdown.css';

interface Props {
  messageId: string;
  text: string;
}

/** A finished message's markdown: parsed once per text and cached across mounts. */
export const MarkdownView = memo(function MarkdownView({ messageId, text }: Props) {
  const html = useMemo(() => finishedHtml(messageId, text), [messageId, text]);
  return (
    <div
      className="md"
      onClick={onMarkdownClick}
      onAuxClick={onMarkdownClick}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
});
