import { Pin } from 'lucide-react';
import { memo, useCallback, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { ThreadSummary } from '../../../../main/contract';
import { useStore } from '../../store';
import { streamOfThread } from '../../store/conversation/streamReducer';
import { ThreadMenu } from './ThreadMenu';
import { TitleInput } from '../../ui/TitleInput';
import { buttonClass } from '../../ui/Button';
import { NAV_ITEM } from '../../ui/NavigableList';
import { relativeTime } from '../../store/threads/threadOrder';
import { THREAD_DRAG } from '../../store/projects/slice';

interface Props {
  thread: ThreadSummary;
  current: boolean;
  now: number;
}

/**
 * One row of the threads list (inside the list's `<li>`): open on click or Enter, F2 renames,
 * Delete deletes (with undo).
 */
export const ThreadItem = memo(function ThreadItem({ thread, current, now }: Props) {
  const openThread = useStore((s) => s.openThread);
  const renaming = useStore((s) => s.renamingThreadId === thread.id);
  const setRenaming = useStore((s) => s.setRenaming);
  const renameThread = useStore((s) => s.renameThread);
  const deleteThread = useStore((s) => s.deleteThread);
  const streaming = useStore((s) => streamOfThread(s.streams, thread.id) !== null);
  const [menuOpen, setMenuOpen] = useState(false);
  const [editingTags, setEditingTags] = useState(false);
  const tags = useStore((s) => s.filings[thread.id]?.tags);
  const setThreadTags = useStore((s) => s.setThreadTags);
  const mainRef = useRef<HTMLButtonElement>(null);
  // A menu opened from the row (Shift+F10, right-click) has no trigger to hand focus back to.
  // Both callbacks keep their identity so the menu, a React Aria trigger that takes about 2 ms to
  // render, is left alone when the row renders again (its answer ends, the clock moves on).
  const onMenuOpenChange = useCallback((open: boolean) => {
    setMenuOpen(open);
    if (!open)
      requestAnimationFrame(() => {
        if (document.activeElement === document.body) mainRef.current?.focus();
      });
  }, []);
  const editTags = useCallback(() => setEditingTags(true), []);

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'F2') {
      e.preventDefault();
      setRenaming(thread.id);
    } else if (e.key === 'Delete') {
      e.preventDefault();
      void deleteThread(thread.id);
    } else if (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) {
      e.preventDefault();
      setMenuOpen(true);
    }
  };

  return (
    <div
      className={`thread-item${current ? ' is-current' : ''}`}
      data-testid="thread-item"
      data-thread-id={thread.id}
      onContextMenu={(e) => {
        e.preventDefault();
        setMenuOpen(true);
      }}
    >
      {editingTags ? (
        <TitleInput
          initial={(tags ?? []).join(', ')}
          label="Tags, separated by commas"
          className="thread-rename"
          onDone={(text) => {
            setEditingTags(false);
            if (text !== null)
              void setThreadTags(
                thread.id,
                text
                  .split(',')
                  .map((t) => t.trim())
                  .filter((t) => t !== ''),
              );
            requestAnimationFrame(() => mainRef.current?.focus());
          }}
        />
      ) : renaming ? (
        <TitleInput
          initial={thread.title}
          label="Thread title"
          className="thread-rename"
          onDone={(title) => {
            setRenaming(null);
            if (title !== null) void renameThread(thread.id, title);
          }}
        />
      ) : (
        <button
          ref={mainRef}
          type="button"
          // A plain button, not ui/Button: a row drags (React Aria's button takes no drag events).
          className={`${buttonClass('bare')} thread-main`}
          {...NAV_ITEM}
          aria-current={current ? 'true' : undefined}
          draggable
          onDragStart={(e) => {
            e.dataTransfer.setData(THREAD_DRAG, thread.id);
            e.dataTransfer.effectAllowed = 'move';
          }}
          onClick={() => void openThread(thread.id)}
          onKeyDown={onKeyDown}
        >
          <span className="thread-title">
            {thread.pinned ? <Pin className="thread-pin" size={12} aria-label="Pinned" role="img" /> : null}
            {thread.title}
          </span>
          <span className="thread-meta">
            {streaming ? <span className="thread-live" aria-label="Answer being written" /> : null}
            <span className="thread-model">{thread.model ?? 'no model'}</span>
            <span className="num">{relativeTime(thread.lastActivityAt, now)}</span>
          </span>
          {tags && tags.length > 0 ? (
            <span className="thread-tags" aria-label={`Tags: ${tags.join(', ')}`}>
              {tags.map((t) => (
                <span key={t} className="thread-tag">
                  {t}
                </span>
              ))}
            </span>
          ) : null}
        </button>
      )}
      {!renaming && !editingTags ? (
        <ThreadMenu thread={thread} open={menuOpen} onOpenChange={onMenuOpenChange} onEditTags={editTags} />
      ) : null}
    </div>
  );
});
