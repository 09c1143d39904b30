import { useState } from 'react';
import type { Message } from '../../../../main/contract';

/** The model's reasoning, apart from the answer: open while it is all there is, folded after. */
export function ReasoningBlock({ message }: { message: Message }) {
  const [chosen, setChosen] = useState<boolean | null>(null);
  const thinking = message.status === 'streaming' && message.content === '';
  const open = chosen ?? thinking;
  const words = message.reasoning?.trim().split(/\s+/u).length ?? 0;
  return (
    <details className="reasoning" open={open}>
      <summary
        onClick={(e) => {
          e.preventDefault();
          setChosen(!open);
        }}
      >
        {thinking ? 'Thinking…' : 'Reasoning'} <span className="num reasoning-count">{words} words</span>
      </summary>
      {open ? <div className="reasoning-text">{message.reasoning}</div> : null}
    </details>
  );
}
