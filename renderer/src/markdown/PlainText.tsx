import { useMemo } from 'react';
import { escapeWithRuns } from './longRuns';
import './markdown.css';

interface Props {
  text: string;
  className: string;
}

/**
 * Text shown as typed (yours, a tool's result, an answer that could not be rendered): escaped, its
 * long unbroken runs broken anywhere like the markdown view's, so a huge line stays cheap.
 */
export function PlainText({ text, className }: Props) {
  // escapeWithRuns escapes all of the text; the only markup is its own run wrappers.
  const html = useMemo(() => escapeWithRuns(text), [text]);
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
