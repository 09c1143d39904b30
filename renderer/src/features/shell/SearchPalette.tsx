import { Search } from 'lucide-react';
import { useCallback, useState } from 'react';
import type { SearchHit } from '../../../../main/contract';
import { useStore } from '../../store';
import { allTags } from '../../store/projects/slice';
import { ComboInput, ComboList, Dialog, SearchCombo, Select } from '../../ui';
import { SearchResultItem } from './SearchResultItem';
import type { SearchMode } from './useThreadSearch';
import { useThreadSearch } from './useThreadSearch';

const hitKey = (hit: SearchHit, index: number) => `${hit.messageId}-${index}`;
/** The filters' "no filter" choice (ids of projects are UUIDs; tags are offered as "#tag"). */
const ANY = 'any';

/** Ctrl/Cmd+K: finds any message in any thread and opens it there. */
export function SearchPalette() {
  const setOpen = useStore((s) => s.setSearchOpen);
  const openThread = useStore((s) => s.openThread);
  const setScreen = useStore((s) => s.setScreen);
  const selectMessage = useStore((s) => s.selectMessage);
  const [query, setQuery] = useState('');
  const [mode, setMode] = useState<SearchMode>('newest');
  // Only threads in one project, or with one tag (issue 18).
  const projects = useStore((s) => s.projects);
  const filings = useStore((s) => s.filings);
  const [projectId, setProjectId] = useState<string | null>(null);
  const [tag, setTag] = useState<string | null>(null);
  const tags = allTags(filings);
  const [now] = useState(() => Date.now());
  const { hits, searching, error, query: answered } = useThreadSearch(query, mode, { projectId, tag });

  const pick = useCallback(
    (hit: SearchHit) => {
      setOpen(false);
      setScreen('chat');
      void openThread(hit.threadId, hit.messageId).then(() => selectMessage(hit.messageId));
    },
    [openThread, selectMessage, setOpen, setScreen],
  );

  const status =
    query.trim() === ''
      ? 'Type to search every message in every thread.'
      : error
        ? `Search failed: ${error}`
        : hits.length === 0 && !searching && answered !== ''
          ? `No messages match “${answered}”.`
          : null;

  return (
    <Dialog
      title="Search threads"
      hideTitle
      placement="top"
      onClose={() => setOpen(false)}
      className="search"
      bodyClassName="ui-dialog-flush"
      testId="search-palette"
    >
      <SearchCombo query={query} onQueryChange={setQuery}>
        <div className="search-bar">
          <Search className="search-icon" size={18} />
          <ComboInput
            label="Search messages"
            placeholder="Search messages…"
            className="search-input"
            type="search"
            expanded={hits.length > 0}
            autoFocus
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
        {projects.length > 0 || tags.length > 0 ? (
          <div className="search-filters">
            {projects.length > 0 ? (
              <Select<string>
                label="Project"
                size="sm"
                testId="search-project"
                value={projectId ?? ANY}
                options={[
                  { id: ANY, label: 'Any project' },
                  ...projects.map((p) => ({ id: p.id, label: p.name })),
                ]}
                onChange={(id) => setProjectId(id === ANY ? null : id)}
              />
            ) : null}
            {tags.length > 0 ? (
              <Select<string>
                label="Tag"
                size="sm"
                testId="search-tag"
                value={tag ?? ANY}
                options={[
                  { id: ANY, label: 'Any tag' },
                  ...tags.map((t) => ({ id: `#${t}`, label: `#${t}` })),
                ]}
                onChange={(id) => setTag(id === ANY ? null : id.slice(1))}
              />
            ) : null}
          </div>
        ) : null}
        {status ? <p className="search-status">{status}</p> : null}
        <ComboList
          aria-label="Matching messages"
          className="search-results scroll"
          onAction={(key) => {
            const hit = hits.find((h, i) => hitKey(h, i) === key);
            if (hit) pick(hit);
          }}
        >
          {hits.map((hit, i) => (
            <SearchResultItem key={hitKey(hit, i)} id={hitKey(hit, i)} hit={hit} now={now} />
          ))}
        </ComboList>
      </SearchCombo>
      <div className="search-foot">
        <span>
          <kbd className="kbd">↑</kbd> <kbd className="kbd">↓</kbd> to move · <kbd className="kbd">Enter</kbd>{' '}
          to open · <kbd className="kbd">Esc</kbd> to close
        </span>
        {searching ? <span>Searching…</span> : null}
      </div>
    </Dialog>
  );
}
