import type { KeyboardEvent } from 'react';
import type { ThreadSummary } from '../../../../main/contract';
import { ThreadItem } from './ThreadItem';

interface Props {
  threads: ThreadSummary[];
  currentId: string | null;
  now: number;
  label: string;
}

/** ↑/↓ (and Home/End) move between threads; Enter opens the focused one. */
function onListKeyDown(e: KeyboardEvent<HTMLUListElement>): void {
  if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key) || e.altKey || e.ctrlKey || e.metaKey) return;
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-thread-main]')];
  if (items.length === 0) return;
  e.preventDefault();
  const at = items.indexOf(document.activeElement as HTMLElement);
  const next =
    e.key === 'Home'
      ? 0
      : e.key === 'End'
        ? items.length - 1
        : Math.min(items.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)));
  items[next]?.focus();
}

export function ThreadList({ threads, currentId, now, label }: Props) {
  const pinned = threads.filter((t) => t.pinned);
  const rest = threads.filter((t) => !t.pinned);
  return (
    <ul className="thread-list" aria-label={label} onKeyDown={onListKeyDown}>
      {pinned.length > 0 ? (
        <li className="thread-group" aria-hidden="true">
          Pinned
        </li>
      ) : null}
      {pinned.map((t) => (
        <ThreadItem key={t.id} thread={t} current={t.id === currentId} now={now} />
      ))}
      {pinned.length > 0 && rest.length > 0 ? (
        <li className="thread-group" aria-hidden="true">
          Recent
        </li>
      ) : null}
      {rest.map((t) => (
        <ThreadItem key={t.id} thread={t} current={t.id === currentId} now={now} />
      ))}
    </ul>
  );
}
