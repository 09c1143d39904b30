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
    <li
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
    </li>
  );
}

interface Props {
  threads: ThreadSummary[];
  currentId: string | null;
  now: number;
  label: string;
}

export function ThreadList({ threads, currentId, now, label }: Props) {
  const projects = useStore((s) => s.projects);
  const filings = useStore((s) => s.filings);
  const pinned = threads.filter((t) => t.pinned);
  const unpinned = threads.filter((t) => !t.pinned);
  // Each project is a folder of its (unpinned) threads; the rest stay under "Recent".
  const folders = projects.map((p) => ({
    project: p,
    threads: unpinned.filter((t) => filings[t.id]?.projectId === p.id),
  }));
  const rest = unpinned.filter((t) => !projects.some((p) => p.id === filings[t.id]?.projectId));
  return (
    // ↑/↓, Home/End, PageUp/PageDown walk the threads (ui/NavigableList); Enter opens one.
    <NavigableList className="thread-list" aria-label={label}>
      {pinned.length > 0 ? (
        <li className="thread-group" aria-hidden="true">
          Pinned
        </li>
      ) : null}
      {pinned.map((t) => (
        <ThreadItem key={t.id} thread={t} current={t.id === currentId} now={now} />
      ))}
      {folders.map(({ project, threads: inFolder }) => [
        <Folder key={`f-${project.id}`} name={project.name} projectId={project.id} />,
        ...inFolder.map((t) => <ThreadItem key={t.id} thread={t} current={t.id === currentId} now={now} />),
      ])}
      {(pinned.length > 0 || projects.length > 0) && rest.length > 0 ? (
        <Folder name={projects.length > 0 ? 'No project' : 'Recent'} projectId={null} />
      ) : null}
      {rest.map((t) => (
        <ThreadItem key={t.id} thread={t} current={t.id === currentId} now={now} />
      ))}
    </NavigableList>
  );
}
