import { FocusScope, useFocusManager } from 'react-aria';
import type { FocusManager } from 'react-aria';
import type { HTMLAttributes, KeyboardEvent, ReactNode } from 'react';

/** Marks an element of the run that the arrows walk (a token); spread it on each item. */
export const RUN_ITEM = { 'data-run-item': '' } as const;

const isItem = (node: Element) => node.hasAttribute('data-run-item');

/** Items a Page key moves: about two lines of prose. */
const PAGE = 20;

interface RovingRunProps extends Omit<HTMLAttributes<HTMLDivElement>, 'role'> {
  'aria-label': string;
  children: ReactNode;
}

/**
 * A flowing run of small focusable items, inline in text (an answer's tokens): →/↓ and ←/↑ move
 * to the next and previous item in reading order, Home/End to the ends, PageDown/PageUp twenty
 * items; the ends hold (no wrap). Focus moves through React Aria's FocusScope focus manager, over
 * the elements marked `{...RUN_ITEM}` only, so anything else inside keeps its keys.
 *
 * One tab stop: the caller gives the item last focused `tabIndex={0}` and every other `-1` (it
 * knows its items; the run renders nothing per item, so a run of thousands of memoised items
 * re-renders two of them when focus moves). A caller's `onKeyDown` runs first and may
 * `preventDefault()` to keep a key.
 *
 * Not a GridList or TagGroup: those make each item a row of a grid, laid out as blocks, and build
 * a collection of every item that re-renders as the run streams in.
 */
export function RovingRun(props: RovingRunProps) {
  return (
    <FocusScope>
      <RunBody {...props} />
    </FocusScope>
  );
}

function RunBody({ children, onKeyDown, ...rest }: RovingRunProps) {
  const manager = useFocusManager();
  const keyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    onKeyDown?.(event);
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (!manager || !(event.target instanceof Element) || !isItem(event.target)) return;
    const move = MOVES[event.key];
    if (!move) return;
    event.preventDefault();
    move(manager, event.target);
  };
  return (
    <div role="group" {...rest} onKeyDown={keyDown}>
      {children}
    </div>
  );
}

const options = (from: Element) => ({ from, tabbable: false, wrap: false, accept: isItem });

const next = (manager: FocusManager, from: Element) => manager.focusNext(options(from));
const previous = (manager: FocusManager, from: Element) => manager.focusPrevious(options(from));

/** Steps `count` items, stopping at the end of the run. */
const steps = (step: typeof next, count: number) => (manager: FocusManager, from: Element) => {
  let at = from;
  for (let i = 0; i < count; i += 1) {
    const reached = step(manager, at);
    if (!reached || reached === at) break;
    at = reached;
  }
};

const MOVES: Record<string, ((manager: FocusManager, from: Element) => void) | undefined> = {
  ArrowRight: next,
  ArrowDown: next,
  ArrowLeft: previous,
  ArrowUp: previous,
  Home: (manager) => manager.focusFirst({ tabbable: false, accept: isItem }),
  End: (manager) => manager.focusLast({ tabbable: false, accept: isItem }),
  PageDown: steps(next, PAGE),
  PageUp: steps(previous, PAGE),
};
