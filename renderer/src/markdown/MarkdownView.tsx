import { memo, useMemo, useSyncExternalStore } from 'react';
import { finishedHtml } from './cache';
import { onMarkdownClick } from './markdownClick';
import { mathGeneration, onMathLoaded } from './mathRender';
import './markdown.css';

interface Props {
  messageId: string;
  text: string;
}

/** A finished message's markdown: parsed once per text and cached across mounts. */
export const MarkdownView = memo(function MarkdownView({ messageId, text }: Props) {
  // Re-rendered once when KaTeX arrives, for formulas shown as TeX until then.
  const math = useSyncExternalStore(onMathLoaded, mathGeneration);
  // `math` is read by finishedHtml through mathGeneration() (its cache key).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const html = useMemo(() => finishedHtml(messageId, text), [messageId, text, math]);
  return (
    <div
      className="md"
      onClick={onMarkdownClick}
      onAuxClick={onMarkdownClick}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
});
