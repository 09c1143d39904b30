import type { TokenLogprob } from '../../../../main/contract/chat';
import { alternativesOf, logprobToPercent, visibleToken } from './probability';
import './logprobs.css';

interface TokenAlternativesProps {
  id: string;
  entry: TokenLogprob;
  top: number;
  left: number;
}

/** The popover under a token: what else the model considered, most likely first. */
export function TokenAlternatives({ id, entry, top, left }: TokenAlternativesProps) {
  const alternatives = alternativesOf(entry);
  return (
    <div
      id={id}
      role="tooltip"
      className="tokens-popover"
      style={{ top, left }}
      data-testid="token-alternatives"
    >
      <div className="tokens-popover-head">
        <code className="tokens-popover-token">{visibleToken(entry.token)}</code>
        <span className="num">{logprobToPercent(entry.logprob)}</span>
      </div>
      {entry.top_logprobs.length === 0 ? (
        <p className="tokens-popover-none">No alternatives returned: raise top_logprobs to see them.</p>
      ) : (
        <ol className="tokens-alts" aria-label="Top alternatives">
          {alternatives.map((alt, i) => (
            <li
              key={`${alt.token}-${i}`}
              className={alt.chosen ? 'tokens-alt tokens-alt-chosen' : 'tokens-alt'}
            >
              <code className="tokens-alt-token">{visibleToken(alt.token)}</code>
              <span className="tokens-alt-bar" aria-hidden="true">
                <span style={{ width: `${Math.max(2, alt.probability * 100)}%` }} />
              </span>
              <span className="num tokens-alt-pct">{alt.percent}</span>
              {alt.chosen ? <span className="visually-hidden">(chosen)</span> : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
