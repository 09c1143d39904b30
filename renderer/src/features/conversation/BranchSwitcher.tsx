import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useStore } from '../../store';
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
      <button
        type="button"
        className="branch-step"
        aria-label="Previous branch"
        disabled={branch.prevId === null}
        onClick={() => go(branch.prevId)}
      >
        <ChevronLeft size={14} />
      </button>
      <span className="num branch-pos">
        {branch.index + 1}/{branch.count}
      </span>
      <button
        type="button"
        className="branch-step"
        aria-label="Next branch"
        disabled={branch.nextId === null}
        onClick={() => go(branch.nextId)}
      >
        <ChevronRight size={14} />
      </button>
    </span>
  );
}
