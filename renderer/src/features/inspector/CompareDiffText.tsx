import { useMemo } from 'react';
import { wordDiff } from './compareDiff';

/** The re-run's answer with the words it added marked and the original's words it dropped struck through. */
export function CompareDiffText({ before, after }: { before: string; after: string }) {
  const parts = useMemo(() => wordDiff(before, after), [before, after]);
  return (
    <div className="compare-text compare-diff" data-testid="compare-diff">
      {parts.map((part, i) =>
        part.kind === 'same' ? (
          <span key={i}>{part.text}</span>
        ) : part.kind === 'added' ? (
          <ins key={i} className="compare-ins" title="only in this run">
            {part.text}
          </ins>
        ) : (
          <del key={i} className="compare-del" title="only in the original">
            {part.text}
          </del>
        ),
      )}
    </div>
  );
}
