import { useMemo, useState } from 'react';
import type { Message } from '../../../../main/contract';
import { sizeLabel } from '../../markdown/limit';
import { PlainText } from '../../markdown/PlainText';
import { MessageParts } from './MessageParts';

/** Past this length the summary gives the size instead of counting words on every update. */
const COUNTED = 200_000;

function lengthLabel(reasoning: string): string {
  if (reasoning.length > COUNTED) return sizeLabel(reasoning.length);
  const trimmed = reasoning.trim();
  return `${trimmed === '' ? 0 : trimmed.split(/\s+/u).length} words`;
}

/**
 * The model's reasoning, apart from the answer: open while it is all there is, folded after. A
 * provider may send megabytes of it: it shows a part at a time like a huge answer (MessageParts).
 */
export function ReasoningBlock({ message }: { message: Message }) {
  const [chosen, setChosen] = useState<boolean | null>(null);
  const thinking = message.status === 'streaming' && message.content === '';
  const open = chosen ?? thinking;
  const reasoning = message.reasoning ?? '';
  const label = useMemo(() => lengthLabel(reasoning), [reasoning]);
  return (
    <details className="reasoning" open={open}>
      <summary
        onClick={(e) => {
          e.preventDefault();
          setChosen(!open);
        }}
      >
        {thinking ? 'Thinking…' : 'Reasoning'} <span className="num reasoning-count">{label}</span>
      </summary>
      {open ? (
        <div className="reasoning-text">
          <MessageParts
            text={reasoning}
            renderPart={(part) => <PlainText className="reasoning-part" text={part} />}
            settled={message.status !== 'streaming'}
            live={message.status === 'streaming'}
            expandKey={`${message.id}:reasoning`}
          />
        </div>
      ) : null}
    </details>
  );
}
