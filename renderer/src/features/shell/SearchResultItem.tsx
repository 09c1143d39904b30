import { memo } from 'react';
import type { SearchHit } from '../../../../main/contract';
import { relativeTime } from '../../store/threads/threadOrder';
import { ComboOption } from '../../ui';
import { parseSnippet } from './snippet';

interface Props {
  hit: SearchHit;
  id: string;
  now: number;
}

const ROLE_LABEL: Record<string, string> = {
  user: 'You',
  assistant: 'Assistant',
  tool: 'Tool',
  system: 'System',
};

/** One hit of the search palette: highlight, click and Enter come from the list it sits in. */
export const SearchResultItem = memo(function SearchResultItem({ hit, id, now }: Props) {
  return (
    <ComboOption id={id} textValue={`${hit.threadTitle}: ${hit.snippet}`} className="search-hit">
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
    </ComboOption>
  );
});
