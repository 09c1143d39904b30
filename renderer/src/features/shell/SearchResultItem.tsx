import { memo } from 'react';
import type { SearchHit } from '../../../../main/contract';
import { relativeTime } from '../../store/threads/threadOrder';
import { parseSnippet } from './snippet';

interface Props {
  hit: SearchHit;
  id: string;
  active: boolean;
  now: number;
  onPick: (hit: SearchHit) => void;
  onHover: () => void;
}

const ROLE_LABEL: Record<string, string> = {
  user: 'You',
  assistant: 'Assistant',
  tool: 'Tool',
  system: 'System',
};

export const SearchResultItem = memo(function SearchResultItem({
  hit,
  id,
  active,
  now,
  onPick,
  onHover,
}: Props) {
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      className={active ? 'search-hit is-active' : 'search-hit'}
      onMouseMove={onHover}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => onPick(hit)}
    >
      <div className="search-hit-head">
        <span className="search-hit-title">{hit.threadTitle}</span>
        <span className="search-hit-meta">
          {ROLE_LABEL[hit.role] ?? hit.role} · <span className="num">{relativeTime(hit.createdAt, now)}</span>
        </span>
      </div>
      <div className="search-hit-snippet">
        {parseSnippet(hit.snippet).map((part, i) =>
          part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
        )}
      </div>
    </li>
  );
});
