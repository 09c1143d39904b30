import { Search } from 'lucide-react';
import { useCallback, useEffect, useId, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { SearchHit } from '../../../../main/contract';
import { useStore } from '../../store';
import { Modal } from './Modal';
import { SearchResultItem } from './SearchResultItem';
import type { SearchMode } from './useThreadSearch';
import { useThreadSearch } from './useThreadSearch';

/** Ctrl/Cmd+K: finds any message in any thread and opens it there. */
export function SearchPalette() {
  const setOpen = useStore((s) => s.setSearchOpen);
  const openThread = useStore((s) => s.openThread);
  const setScreen = useStore((s) => s.setScreen);
  const selectMessage = useStore((s) => s.selectMessage);
  const [query, setQuery] = useState('');
  const [mode, setMode] = useState<SearchMode>('newest');
  const [active, setActive] = useState(0);
  const [now] = useState(() => Date.now());
  const { hits, searching, error, query: answered } = useThreadSearch(query, mode);
  const listId = useId();
  const at = Math.min(active, Math.max(0, hits.length - 1));

  useEffect(() => {
    document.getElementById(`${listId}-${at}`)?.scrollIntoView({ block: 'nearest' });
  }, [at, listId, hits]);

  const pick = useCallback(
    (hit: SearchHit) => {
      setOpen(false);
      setScreen('chat');
      void openThread(hit.threadId, hit.messageId).then(() => selectMessage(hit.messageId));
    },
    [openThread, selectMessage, setOpen, setScreen],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive(hits.length === 0 ? 0 : (at + step + hits.length) % hits.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = hits[at];
      if (hit) pick(hit);
    }
  };

  const status =
    query.trim() === ''
      ? 'Type to search every message in every thread.'
      : error
        ? `Search failed: ${error}`
        : hits.length === 0 && !searching && answered !== ''
          ? `No messages match “${answered}”.`
          : null;

  return (
    <Modal label="Search threads" onClose={() => setOpen(false)} className="search" testId="search-palette">
      <div className="search-bar">
        <Search className="search-icon" size={18} />
        <input
          className="search-input"
          type="search"
          placeholder="Search messages…"
          aria-label="Search messages"
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls={listId}
          aria-activedescendant={hits.length > 0 ? `${listId}-${at}` : undefined}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <div className="search-modes" role="radiogroup" aria-label="Order">
          {(['newest', 'relevance'] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="radio"
              aria-checked={mode === m}
              className={mode === m ? 'search-mode is-on' : 'search-mode'}
              onClick={() => setMode(m)}
            >
              {m === 'newest' ? 'Newest' : 'Best match'}
            </button>
          ))}
        </div>
      </div>
      {status ? <p className="search-status">{status}</p> : null}
      <ul id={listId} role="listbox" aria-label="Matching messages" className="search-results scroll">
        {hits.map((hit, i) => (
          <SearchResultItem
            key={`${hit.messageId}-${i}`}
            id={`${listId}-${i}`}
            hit={hit}
            active={i === at}
            now={now}
            onPick={pick}
            onHover={() => setActive(i)}
          />
        ))}
      </ul>
      <div className="search-foot">
        <span>
          <kbd className="kbd">↑</kbd> <kbd className="kbd">↓</kbd> to move · <kbd className="kbd">Enter</kbd>{' '}
          to open · <kbd className="kbd">Esc</kbd> to close
        </span>
        {searching ? <span>Searching…</span> : null}
      </div>
    </Modal>
  );
}
