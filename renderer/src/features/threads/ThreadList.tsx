import { useCallback, useMemo } from 'react';
import type { DragEvent } from 'react';
import type { ThreadSummary } from '../../../../main/contract';
import { useStore } from '../../store';
import { THREAD_DRAG } from '../../store/projects/slice';
import { ThreadItem } from './ThreadItem';
import { NavigableList } from '../../ui/NavigableList';

/** A folder's heading takes threads dropped on it (the menu's "Move to" does the same by keyboard). */
function Folder({ name, projectId }: { name: string; projectId: string | null }) {
  const moveThreads = useStore((s) => s.moveThreads);
  const accepts = (e: DragEvent) => e.dataTransfer.types.includes(THREAD_DRAG);
  return (
    <div
      className="thread-group thread-folder"
      data-project-id={projectId ?? ''}
      onDragOver={(e) => {
        if (!accepts(e)) return;
        e.preventDefault();
        e.currentTarget.classList.add('is-drop');
      }}
      onDragLeave={(e) => e.currentTarget.classList.remove('is-drop')}
      onDrop={(e) => {
        e.currentTarget.classList.remove('is-drop');
        const id = e.dataTransfer.getData(THREAD_DRAG);
        if (id !== '') void moveThreads([id], projectId);
      }}
    >
      {name}
    </div>
  );
}

/** One line of the list: the Pinned heading, a folder's heading, or a thread. */
type Row =
  | { kind: 'pinned' }
  | { kind: 'folder'; name: string; projectId: string | null }
  | { kind: 'thread'; thread: ThreadSummary };

const rowKey = (row: Row) =>
  row.kind === 'thread' ? row.thread.id : row.kind === 'folder' ? `f-${row.projectId ?? ''}` : 'pinned';
const isItem = (row: Row) => row.kind === 'thread';
// "Pinned" is for the eye: a pinned thread says so itself (its pin's label).
const isHidden = (row: Row) => row.kind === 'pinned';
// A thread with tags is a line taller; each drawn row is measured anyway.
const estimateSize = (row: Row) => (row.kind === 'thread' ? 46 : 24);

interface Props {
  threads: ThreadSummary[];
  currentId: string | null;
  now: number;
  label: string;
}

export function ThreadList({ threads, currentId, now, label }: Props) {
  const projects = useStore((s) => s.projects);
  const filings = useStore((s) => s.filings);
  const rows = useMemo(() => {
    const pinned = threads.filter((t) => t.pinned);
    const unpinned = threads.filter((t) => !t.pinned);
    const projectIds = new Set(projects.map((p) => p.id));
    const out: Row[] = [];
    const add = (list: ThreadSummary[]) => list.forEach((thread) => out.push({ kind: 'thread', thread }));
    if (pinned.length > 0) out.push({ kind: 'pinned' });
    add(pinned);
    // Each project is a folder of its (unpinned) threads; the rest stay under "Recent".
    for (const p of projects) {
      out.push({ kind: 'folder', name: p.name, projectId: p.id });
      add(unpinned.filter((t) => filings[t.id]?.projectId === p.id));
    }
    const rest = unpinned.filter((t) => !projectIds.has(filings[t.id]?.projectId ?? ''));
    if ((pinned.length > 0 || projects.length > 0) && rest.length > 0)
      out.push({ kind: 'folder', name: projects.length > 0 ? 'No project' : 'Recent', projectId: null });
    add(rest);
    return out;
  }, [threads, projects, filings]);
  const renderRow = useCallback(
    (row: Row) =>
      row.kind === 'thread' ? (
        <ThreadItem thread={row.thread} current={row.thread.id === currentId} now={now} />
      ) : row.kind === 'folder' ? (
        <Folder name={row.name} projectId={row.projectId} />
      ) : (
        <div className="thread-group">Pinned</div>
      ),
    [currentId, now],
  );
  return (
    // ↑/↓, Home/End, PageUp/PageDown walk the threads (ui/NavigableList); Enter opens one. Only the
    // rows in view are drawn: a start with 2,000 threads drew them all before the newest could open.
    <NavigableList
      className="thread-list"
      aria-label={label}
      rows={rows}
      rowKey={rowKey}
      isItem={isItem}
      isHidden={isHidden}
      estimateSize={estimateSize}
      scrollClassName="threads-scroll scroll"
      activeKey={currentId}
      renderRow={renderRow}
    />
  );
}
