import { Ellipsis } from 'lucide-react';
import { memo } from 'react';
import type { ThreadSummary } from '../../../../main/contract';
import { useStore } from '../../store';
import { IconButton } from '../../ui/IconButton';
import { Menu, MenuItem, MenuSeparator, MenuTrigger, type MenuKey } from '../../ui/Menu';

interface Props {
  thread: ThreadSummary;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onEditTags: () => void;
}

/**
 * Rename, pin, archive and delete one thread: the row's ⋯ button and its menu. The row opens it
 * too (right-click, the context-menu key, Shift+F10), so it is controlled; it opens on its first
 * item whichever way it was opened.
 */
export const ThreadMenu = memo(function ThreadMenu({ thread, open, onOpenChange, onEditTags }: Props) {
  const setRenaming = useStore((s) => s.setRenaming);
  const setPinned = useStore((s) => s.setPinned);
  const setArchived = useStore((s) => s.setArchived);
  const deleteThread = useStore((s) => s.deleteThread);
  const projects = useStore((s) => s.projects);
  const projectId = useStore((s) => s.filings[thread.id]?.projectId ?? null);
  const moveThreads = useStore((s) => s.moveThreads);

  const onAction = (key: MenuKey) => {
    if (key === 'rename') setRenaming(thread.id);
    else if (key === 'pin') void setPinned(thread.id, !thread.pinned);
    else if (key === 'archive') void setArchived(thread.id, !thread.archived);
    else if (key === 'delete') void deleteThread(thread.id);
    else if (key === 'tags') onEditTags();
    else if (key === 'unfile') void moveThreads([thread.id], null);
    else if (typeof key === 'string' && key.startsWith('move:')) void moveThreads([thread.id], key.slice(5));
  };

  return (
    <MenuTrigger isOpen={open} onOpenChange={onOpenChange}>
      <IconButton
        className="thread-more"
        label={`More actions for ${thread.title}`}
        tooltip="More actions (right-click, Shift F10)"
        // The row is the tab stop; its menu key and right-click reach the same menu.
        excludeFromTabOrder
      >
        <Ellipsis />
      </IconButton>
      <Menu aria-label={`Actions for ${thread.title}`} autoFocus="first" onAction={onAction}>
        <MenuItem id="rename" shortcut="F2">
          Rename
        </MenuItem>
        <MenuItem id="pin">{thread.pinned ? 'Unpin' : 'Pin to top'}</MenuItem>
        <MenuItem id="archive">{thread.archived ? 'Unarchive' : 'Archive'}</MenuItem>
        <MenuItem id="tags">Tags…</MenuItem>
        {projects.length > 0 ? <MenuSeparator /> : null}
        {projects
          .filter((p) => p.id !== projectId)
          .map((p) => (
            <MenuItem key={p.id} id={`move:${p.id}`}>
              {`Move to project ${p.name}`}
            </MenuItem>
          ))}
        {projectId !== null ? <MenuItem id="unfile">Take out of its project</MenuItem> : null}
        <MenuSeparator />
        <MenuItem id="delete" shortcut="Del" danger>
          Delete
        </MenuItem>
      </Menu>
    </MenuTrigger>
  );
});
