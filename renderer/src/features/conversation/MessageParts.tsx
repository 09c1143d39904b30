import { useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { partsOf, sizeLabel } from '../../markdown/limit';

interface Props {
  text: string;
  /** How a part is shown; the first is the one a short message has alone. */
  renderPart: (part: string, index: number) => ReactNode;
}

/**
 * A message of any size: its first part at once, then on "Show all" one more part per frame, so no
 * frame renders more than a part however long the message is (a 5 MB answer is 160 parts).
 */
export function MessageParts({ text, renderPart }: Props) {
  const parts = useMemo(() => partsOf(text), [text]);
  const [shown, setShown] = useState(1);
  const [all, setAll] = useState(false);
  const more = shown < parts.length;

  useEffect(() => {
    if (!all || !more) return;
    const frame = requestAnimationFrame(() => setShown((n) => n + 1));
    return () => cancelAnimationFrame(frame);
  }, [all, more, shown]);

  const shownChars = parts.slice(0, shown).reduce((n, part) => n + part.length, 0);
  return (
    <>
      {parts.slice(0, shown).map((part, index) => (
        <div key={index} className={index === 0 ? 'msg-part' : 'msg-part msg-part-more'}>
          {renderPart(part, index)}
        </div>
      ))}
      {more ? (
        <div className="msg-more" role="status">
          <span>
            {all ? 'Showing' : 'Showing the first'} {sizeLabel(shownChars)} of {sizeLabel(text.length)}
          </span>
          {all ? null : (
            <button type="button" className="btn" onClick={() => setAll(true)}>
              Show all
            </button>
          )}
        </div>
      ) : null}
    </>
  );
}
