import { useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import type { ThreadSummary } from '../../../../main/contract';
import { useStore } from '../../store';

interface Props {
  thread: ThreadSummary;
  /** `returnFocus`: closed from the keyboard or by an action, so focus goes back to the thread. */
  onClose: (returnFocus: boolean) => void;
}

/** Rename, pin, archive and delete one thread: a small menu that arrow keys walk. */
export function ThreadMenu({ thread, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const setRenaming = useStore((s) => s.setRenaming);
  const setPinned = useStore((s) => s.setPinned);
  const setArchived = useStore((s) => s.setArchived);
  const deleteThread = useStore((s) => s.deleteThread);

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [onClose]);

  const run = (action: () => void) => {
    onClose(true);
    action();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      items[(at + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length]?.focus();
    } else if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      e.stopPropagation();
      onClose(true);
    }
  };

  return (
    <div
      ref={ref}
      role="menu"
      aria-label={`Actions for ${thread.title}`}
      className="thread-menu"
      onKeyDown={onKeyDown}
    >
      <button type="button" role="menuitem" onClick={() => run(() => setRenaming(thread.id))}>
        Rename <span className="kbd">F2</span>
      </button>
      <button
        type="button"
        role="menuitem"
        onClick={() => run(() => void setPinned(thread.id, !thread.pinned))}
      >
        {thread.pinned ? 'Unpin' : 'Pin to top'}
      </button>
      <button
        type="button"
        role="menuitem"
        onClick={() => run(() => void setArchived(thread.id, !thread.archived))}
      >
        {thread.archived ? 'Unarchive' : 'Archive'}
      </button>
      <button
        type="button"
        role="menuitem"
        className="is-danger"
        onClick={() => run(() => void deleteThread(thread.id))}
      >
        Delete <span className="kbd">Del</span>
      </button>
    </div>
  );
}
