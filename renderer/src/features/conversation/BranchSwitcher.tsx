import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useStore } from '../../store';
import { IconButton } from '../../ui/IconButton';
import type { BranchInfo } from '../../store/conversation/branches';

/** `‹ 2/3 ›` where a message has siblings: regenerated answers or edited questions. */
export function BranchSwitcher({ threadId, branch }: { threadId: string; branch: BranchInfo }) {
  const selectBranch = useStore((s) => s.selectBranch);
  const go = (id: string | null) => {
    if (id) void selectBranch(threadId, id);
  };
  return (
    <span
      className="branch"
      data-testid="branch-switcher"
      role="group"
      aria-label={`Branch ${branch.index + 1} of ${branch.count}`}
    >
      <IconButton
        label="Previous branch"
        variant="bare"
        className="branch-step"
        isDisabled={branch.prevId === null}
        onPress={() => go(branch.prevId)}
      >
        <ChevronLeft size={14} />
      </IconButton>
      <span className="num branch-pos">
        {branch.index + 1}/{branch.count}
      </span>
      <IconButton
        label="Next branch"
        variant="bare"
        className="branch-step"
        isDisabled={branch.nextId === null}
        onPress={() => go(branch.nextId)}
      >
        <ChevronRight size={14} />
      </IconButton>
    </span>
  );
}
