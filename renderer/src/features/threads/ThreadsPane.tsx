import { ArrowLeft, FolderPlus, Plus, Search } from 'lucide-react';
import { useDeferredValue, useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store';
import { Button } from '../../ui/Button';
import { IconButton } from '../../ui/IconButton';
import { Keys } from '../../ui/Keys';
import { keyLabel } from '../../platform/keyboard';
import { newThreadAndFocus } from '../../platform/newThread';
import { ThreadList } from './ThreadList';
import { useClock } from '../../platform/clock';
import { allTags, passesFilter } from '../../store/projects/slice';
import { TitleInput } from '../../ui/TitleInput';
import { Select } from '../../ui/Select';
import './threads.css';

/** The filters' "no filter" and "no project" choices (project ids are UUIDs; tags are offered as "#tag"). */
const ANY = 'any';
const NO_PROJECT = 'none';

/** Left pane: every thread, pinned first then most recent; an Archived view beside it. */
export function ThreadsPane() {
  const { threads, archived, view, currentId, loaded } = useStore(
    useShallow((s) => ({
      threads: s.threads,
      archived: s.archivedThreads,
      view: s.threadsView,
      currentId: s.currentThreadId,
      loaded: s.threadsLoaded,
    })),
  );
  const setView = useStore((s) => s.setThreadsView);
  const setSearchOpen = useStore((s) => s.setSearchOpen);
  const now = useClock(60_000);
  const { projects, filings, filter } = useStore(
    useShallow((s) => ({ projects: s.projects, filings: s.filings, filter: s.threadFilter })),
  );
  const ensureProjectsSync = useStore((s) => s.ensureProjectsSync);
  const setThreadFilter = useStore((s) => s.setThreadFilter);
  const saveProject = useStore((s) => s.saveProject);
  const [naming, setNaming] = useState(false);
  useEffect(() => ensureProjectsSync(), [ensureProjectsSync]);
  // The rows follow the window's first paint, in a deferred render: at start the first render
  // draws the reopened thread and its message box, and ~25 rows with their menus and buttons
  // (about a third of what that render mounted) no longer hold typing back. True from then on.
  const rowsDrawn = useDeferredValue(true, false);
  const tags = allTags(filings);
  const all = view === 'archived' ? archived : threads;
  const shown =
    filter.projectId === null && filter.tag === null
      ? all
      : all.filter((t) => passesFilter(filings[t.id], filter));

  return (
    <aside className="threads-pane" aria-label="Threads">
      <div className="threads-head">
        {view === 'archived' ? (
          <Button variant="quiet" className="threads-back" onPress={() => setView('active')}>
            <ArrowLeft />
            Archived
          </Button>
        ) : (
          <h2 className="threads-heading">Threads</h2>
        )}
        <div className="threads-head-actions">
          <IconButton
            label="Search threads"
            tooltip={`Search (${keyLabel('Mod')} K)`}
            onPress={() => setSearchOpen(true)}
          >
            <Search />
          </IconButton>
          <Button
            variant="primary"
            className="threads-new"
            aria-label="New thread"
            title={`New thread (${keyLabel('Mod')} N)`}
            onPress={() => void newThreadAndFocus()}
          >
            <Plus />
            New
          </Button>
        </div>
      </div>
      <div className="threads-filter" role="group" aria-label="Filter threads">
        <Select<string>
          label="Project"
          hideLabel
          size="sm"
          className="threads-select"
          testId="threads-project"
          value={filter.projectId === null ? ANY : filter.projectId === '' ? NO_PROJECT : filter.projectId}
          options={[
            { id: ANY, label: 'Projects' },
            { id: NO_PROJECT, label: 'No project' },
            ...projects.map((p) => ({ id: p.id, label: p.name })),
          ]}
          onChange={(id) => setThreadFilter({ projectId: id === ANY ? null : id === NO_PROJECT ? '' : id })}
        />
        <Select<string>
          label="Tag"
          hideLabel
          size="sm"
          className="threads-select"
          testId="threads-tag"
          value={filter.tag === null ? ANY : `#${filter.tag}`}
          options={[{ id: ANY, label: 'Tags' }, ...tags.map((t) => ({ id: `#${t}`, label: t }))]}
          onChange={(id) => setThreadFilter({ tag: id === ANY ? null : id.slice(1) })}
        />
        <IconButton label="New project" tooltip="New project" onPress={() => setNaming(true)}>
          <FolderPlus />
        </IconButton>
      </div>
      {naming ? (
        <div className="threads-filter">
          <TitleInput
            initial=""
            label="New project's name"
            className="thread-rename"
            onDone={(name) => {
              setNaming(false);
              if (name !== null && name.trim() !== '')
                void saveProject(name.trim()).then((r) => {
                  if (!r.ok) useStore.getState().toast('error', r.error.message);
                });
            }}
          />
        </div>
      ) : null}
      {!rowsDrawn ? (
        <div className="threads-scroll scroll" />
      ) : shown.length > 0 ? (
        // The list draws itself in the pane's scrolling area (only the rows in view of it).
        <ThreadList
          threads={shown}
          currentId={currentId}
          now={now}
          label={view === 'archived' ? 'Archived threads' : 'Threads'}
        />
      ) : (
        <div className="threads-scroll scroll">
          {loaded ? (
            <div className="threads-empty">
              {view === 'archived' ? (
                <p>
                  No archived threads. Archive one from its menu (right-click it) to tidy the list without
                  deleting it.
                </p>
              ) : (
                <>
                  <p>No threads yet.</p>
                  <p>
                    Start one with <Keys combo={['Mod', 'N']} />
                  </p>
                </>
              )}
            </div>
          ) : null}
        </div>
      )}
      {view === 'active' ? (
        <div className="threads-foot">
          <Button variant="quiet" className="threads-archived" onPress={() => setView('archived')}>
            Archived <span className="num threads-count">{archived.length}</span>
          </Button>
          <span className="threads-hint">
            <Keys combo={['?']} /> shortcuts
          </span>
        </div>
      ) : null}
    </aside>
  );
}
