import { useCallback, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { Message } from '../../../../main/contract/chat';
import { RovingRun } from '../../ui';
import { summarize, formatPercent } from './probability';
import { TokenAlternatives } from './TokenAlternatives';
import { TokenLegend } from './TokenLegend';
import { TokenSpan } from './TokenSpan';
import './logprobs.css';

interface Anchor {
  index: number;
  top: number;
  left: number;
}

/**
 * The answer as sampled tokens, each tinted by how unsure the model was. Hover or focus a token
 * (Tab in, arrows move) to see the alternatives it was chosen over.
 */
export function TokenView({ message }: { message: Message }) {
  const entries = useMemo(() => message.logprobs ?? [], [message.logprobs]);
  const container = useRef<HTMLDivElement>(null);
  const [focusIndex, setFocusIndex] = useState(0);
  const [anchor, setAnchor] = useState<Anchor | null>(null);
  const summary = useMemo(() => summarize(entries), [entries]);
  const popoverId = `${message.id}-alternatives`;

  const show = useCallback((index: number, element: HTMLElement) => {
    const box = container.current?.getBoundingClientRect();
    const rect = element.getBoundingClientRect();
    if (!box) return;
    setAnchor({
      index,
      top: rect.bottom - box.top + 4,
      left: Math.max(0, Math.min(rect.left - box.left, box.width - 260)),
    });
  }, []);

  // The arrows are the run's (ui/RovingRun); Esc only hides the alternatives, focus stays put.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && anchor) setAnchor(null);
  };

  if (entries.length === 0) {
    return (
      <p className="tokens-empty">
        {message.status === 'streaming'
          ? 'Waiting for the first tokens…'
          : 'This answer has no token probabilities. Turn on logprobs in the parameters and send again.'}
      </p>
    );
  }

  const active = anchor ? entries[anchor.index] : undefined;
  return (
    <div className="tokens" ref={container} data-testid="token-view">
      <div className="tokens-summary">
        <span className="num">{summary.count} tokens</span>
        <span className="num">average confidence {formatPercent(summary.meanProbability)}</span>
        <span className="num">{summary.uncertain} below 45%</span>
        <TokenLegend />
      </div>
      <RovingRun
        className="tokens-text"
        aria-label="Answer tokens coloured by probability; use arrow keys to move between tokens"
        onKeyDown={onKeyDown}
        onMouseLeave={() =>
          setAnchor((a) =>
            a && document.activeElement?.getAttribute('data-token-index') === String(a.index) ? a : null,
          )
        }
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget)) setAnchor(null);
        }}
      >
        {entries.map((entry, index) => (
          <TokenSpan
            key={index}
            entry={entry}
            index={index}
            tabbable={index === Math.min(focusIndex, entries.length - 1)}
            active={anchor?.index === index}
            describedBy={anchor?.index === index ? popoverId : undefined}
            onShow={show}
            onFocusIndex={setFocusIndex}
          />
        ))}
        {message.status === 'streaming' ? <span className="tokens-caret" aria-hidden="true" /> : null}
      </RovingRun>
      {active && anchor ? (
        <TokenAlternatives id={popoverId} entry={active} top={anchor.top} left={anchor.left} />
      ) : null}
    </div>
  );
}
