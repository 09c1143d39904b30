import type { Message, ThreadDetail } from '../../../../main/contract';

/** Children of each message (key null: the roots), in the order they were created. */
export function childrenByParent(messages: readonly Message[]): Map<string | null, Message[]> {
  const children = new Map<string | null, Message[]>();
  for (const message of messages) {
    const list = children.get(message.parentId);
    if (list) list.push(message);
    else children.set(message.parentId, [message]);
  }
  for (const list of children.values()) {
    if (list.length > 1) list.sort((a, b) => a.createdAt - b.createdAt);
  }
  return children;
}

/**
 * Siblings grouped by the request that produced them: the choices of one `n > 1` request share
 * a group (choice indexes counting up), a regenerated answer or an edited message starts a new one.
 */
export function groupSiblings(siblings: readonly Message[]): Message[][] {
  const groups: Message[][] = [];
  let current: Message[] | null = null;
  for (const message of siblings) {
    const last = current?.at(-1);
    if (
      current &&
      last &&
      message.role === 'assistant' &&
      last.role === 'assistant' &&
      message.choiceIndex > last.choiceIndex
    ) {
      current.push(message);
    } else {
      current = [message];
      groups.push(current);
    }
  }
  return groups;
}

function newestChild(children: Map<string | null, Message[]>, id: string): Message | undefined {
  return children.get(id)?.at(-1);
}

function pathFrom(detail: ThreadDetail, children: Map<string | null, Message[]>): Message[] {
  const byId = new Map<string, Message>();
  for (const m of detail.messages) byId.set(m.id, m);
  const path: Message[] = [];
  const leaf = detail.thread.activeLeafId === null ? undefined : byId.get(detail.thread.activeLeafId);
  let start = leaf ?? children.get(null)?.at(-1);
  if (start === undefined) return path;
  if (leaf) {
    // Walk up from the active leaf; the guard stops a corrupt parent cycle from spinning forever.
    for (
      let m: Message | undefined = leaf;
      m && path.length <= detail.messages.length;
      m = m.parentId === null ? undefined : byId.get(m.parentId)
    ) {
      path.push(m);
    }
    path.reverse();
  } else {
    path.push(start);
  }
  // An active leaf that has answers below it (or no leaf at all) continues down the newest ones.
  for (
    let next = newestChild(children, start.id);
    next && path.length <= detail.messages.length;
    next = newestChild(children, start.id)
  ) {
    path.push(next);
    start = next;
  }
  return path;
}

/** The messages the next request would send: root to the active leaf. */
export function activePathOf(detail: ThreadDetail | undefined): Message[] {
  if (!detail || detail.messages.length === 0) return [];
  return pathFrom(detail, childrenByParent(detail.messages));
}

export interface BranchInfo {
  /** 0-based position of this branch among its siblings. */
  index: number;
  count: number;
  prevId: string | null;
  nextId: string | null;
}

/** One row of the conversation: a message on the active path and how it branches. */
export interface PathRow {
  id: string;
  branch: BranchInfo | null;
  /** All choices of an `n > 1` answer (this row's message among them), shown side by side. */
  choiceIds: string[] | null;
}

export interface ThreadView {
  rows: PathRow[];
}

/** What the message list shows: recomputed only when the tree or the active branch changes. */
export function buildThreadView(detail: ThreadDetail): ThreadView {
  const children = childrenByParent(detail.messages);
  const path = pathFrom(detail, children);
  const rows = path.map((message): PathRow => {
    const siblings = children.get(message.parentId) ?? [message];
    if (siblings.length < 2) return { id: message.id, branch: null, choiceIds: null };
    const groups = groupSiblings(siblings);
    const at = groups.findIndex((g) => g.some((m) => m.id === message.id));
    const group = groups[at] ?? [message];
    return {
      id: message.id,
      branch:
        groups.length > 1
          ? {
              index: at,
              count: groups.length,
              prevId: groups[at - 1]?.[0]?.id ?? null,
              nextId: groups[at + 1]?.[0]?.id ?? null,
            }
          : null,
      choiceIds: group.length > 1 ? group.map((m) => m.id) : null,
    };
  });
  return { rows };
}

/** The last user message on the active path, for "Up edits the last message". */
export function lastUserMessage(detail: ThreadDetail | undefined): Message | undefined {
  return activePathOf(detail)
    .filter((m) => m.role === 'user')
    .at(-1);
}

/**
 * A reload of the newest stretch of the active branch, kept under the earlier messages already
 * loaded, so a long thread read back to its start is not fetched whole again on every change.
 * Only when the reloaded stretch's first message is still on the loaded branch (nothing above it
 * moved); otherwise null, and the caller reloads the whole depth.
 */
export function underLoaded(prev: ThreadDetail, fetched: ThreadDetail): ThreadDetail | null {
  if (!fetched.earlier) return fetched;
  const top = activePathOf(fetched)[0];
  if (!top) return null;
  const path = activePathOf(prev);
  const at = path.findIndex((m) => m.id === top.id);
  if (at < 0) return null;
  const above = path.slice(0, at);
  const aboveIds = new Set(above.map((m) => m.id));
  // Path messages above, with their siblings (children of the same parents) for the switchers.
  const parents = new Set(above.map((m) => m.parentId));
  const fetchedIds = new Set(fetched.messages.map((m) => m.id));
  const kept = prev.messages.filter(
    (m) => !fetchedIds.has(m.id) && (aboveIds.has(m.id) || parents.has(m.parentId)),
  );
  return { thread: fetched.thread, messages: [...kept, ...fetched.messages], earlier: prev.earlier };
}
