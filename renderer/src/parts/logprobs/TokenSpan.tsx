import { memo } from 'react';
import type { TokenLogprob } from '../../../../main/contract/chat';
import { RUN_ITEM } from '../../ui';
import { logprobToPercent, probabilityOf, tokenBackground, visibleToken } from './probability';
import './logprobs.css';

interface TokenSpanProps {
  entry: TokenLogprob;
  index: number;
  tabbable: boolean;
  active: boolean;
  describedBy: string | undefined;
  onShow(index: number, element: HTMLElement): void;
  onFocusIndex(index: number): void;
}

/** One sampled token. Memoized: while streaming only new tokens render, not the whole answer. */
export const TokenSpan = memo(function TokenSpan({
  entry,
  index,
  tabbable,
  active,
  describedBy,
  onShow,
  onFocusIndex,
}: TokenSpanProps) {
  const probability = probabilityOf(entry.logprob);
  const parts = entry.token.split('\n');
  return (
    <span
      {...RUN_ITEM}
      className={active ? 'token token-active' : 'token'}
      data-token-index={index}
      tabIndex={tabbable ? 0 : -1}
      style={{ backgroundColor: tokenBackground(probability) }}
      aria-label={`${visibleToken(entry.token)} ${logprobToPercent(entry.logprob)}`}
      aria-describedby={describedBy}
      onMouseEnter={(e) => onShow(index, e.currentTarget)}
      onFocus={(e) => {
        onFocusIndex(index);
        onShow(index, e.currentTarget);
      }}
    >
      {parts.map((part, i) => (
        <span key={i}>
          {i > 0 ? (
            <>
              <span className="token-newline" aria-hidden="true">
                ↵
              </span>
              {'\n'}
            </>
          ) : null}
          {part}
        </span>
      ))}
    </span>
  );
});
