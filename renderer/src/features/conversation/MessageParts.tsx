import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { MouseEvent, ReactNode } from 'react';
import type { Result } from '../../../../main/contract';
import { EAGER_COST, partCost, partsOf, reopenFences, sizeLabel } from '../../markdown/limit';
import { failureLine } from '../../platform/describeError';
import { HOLD_POSITION, isExpanded, rememberExpanded } from './expanded';
import { guessHeight, watchPart } from './lazyParts';

interface Props {
  text: string;
  /** How a part is shown; the first is the one a short message has alone. */
  renderPart: (part: string, index: number) => ReactNode;
  /** The text is markdown: a part starting inside a code block opens it again (limit.ts). */
  markdown?: boolean;
  /** The whole text's length when `text` is only its beginning (a huge message as opened). */
  total?: number;
  /** Reads the whole text when `text` is only its beginning: "Show all" waits for it. */
  loadWhole?: () => Promise<Result<string>>;
  /**
   * The text is finished: a first part that costs more than EAGER_COST to render is put in the
   * page in a frame of its own, so opening a thread never renders a huge answer in the same task
   * as everything else (a message being written renders as it arrives instead).
   */
  settled?: boolean;
  /**
   * Where "Show all" is remembered (the message's id, expanded.ts): it holds when the answer
   * settles, when its row is laid out again and when the window reloads.
   */
  expandKey?: string;
  /** The text is being written: "Show all" leaves a reader following it at the bottom there. */
  live?: boolean;
}

interface PartProps {
  part: string;
  index: number;
  renderPart: Props['renderPart'];
}

/**
 * A part after the first (or a costly first one): an empty block of its height until it comes
 * near the view, its content while it is near, and an empty block of its measured height again
 * once it is far, so however long the message the DOM holds only the parts around the view.
 */
const LazyPart = memo(
  function LazyPart({ part, index, renderPart }: PartProps) {
    const ref = useRef<HTMLDivElement>(null);
    const [near, setNear] = useState(false);
    const [height, setHeight] = useState(() => guessHeight(part));
    useEffect(() => {
      const element = ref.current;
      if (!element) return;
      return watchPart(element, element.closest('[data-testid="message-list"]'), (next) => {
        // Read when the observer reports, after layout: the empty block keeps the part's place exactly.
        if (!next) setHeight(element.offsetHeight);
        setNear(next);
      });
    }, []);
    return (
      <div
        ref={ref}
        className={index === 0 ? 'msg-part' : 'msg-part msg-part-more'}
        data-part={index}
        style={near ? undefined : { height }}
      >
        {near ? renderPart(part, index) : null}
      </div>
    );
  },
  // renderPart is made afresh by each render of the body; what it shows depends on the part only.
  (a, b) => a.part === b.part && a.index === b.index,
);

/**
 * A message of any size: its first part at once, the rest on "Show all". Later parts are put in
 * the DOM only near the view, one per frame (lazyParts.ts), so no frame renders more than a part
 * and the DOM stays small however long the message is (a 5 MB line is 625 parts of 8,000
 * characters, limit.ts). A finished message whose first part is costly gets it the same way.
 */
export function MessageParts({
  text,
  renderPart,
  markdown = false,
  total,
  loadWhole,
  settled = false,
  expandKey,
  live = false,
}: Props) {
  // The whole text read for "Show all", kept only while it belongs to this `text`.
  const [whole, setWhole] = useState<{ of: string; value: string } | null>(null);
  // Why reading it failed, for this `text`: shown with Show all to try again.
  const [failed, setFailed] = useState<{ of: string; problem: string } | null>(null);
  const [all, setAll] = useState(() => expandKey !== undefined && isExpanded(expandKey));
  const shown = whole?.of === text ? whole.value : text;
  const length = Math.max(total ?? 0, shown.length);
  // Until "Show all" only the first part is shown: finding every part of a streaming 5 MB
  // answer on each update would cost a frame by itself.
  const parts = useMemo(() => {
    const found = partsOf(shown, all ? Number.POSITIVE_INFINITY : 2, length);
    return markdown ? reopenFences(found) : found;
  }, [shown, markdown, all, length]);
  const partial = shown.length < length && loadWhole !== undefined;
  const more = !(all && !partial) && (parts.length > 1 || partial);
  const first = parts[0] ?? '';
  // Decided when the message is first shown: one that settles on screen keeps its first part as
  // it is (put afresh in a frame of its own, it would blink and lose its place).
  const [openedSettled] = useState(settled);
  const deferred = useMemo(() => openedSettled && partCost(first) > EAGER_COST, [openedSettled, first]);
  // Shown whole, but only the beginning is held: just pressed, the thread opened again, or the
  // answer settled and came back as its beginning. The rest is read without another press.
  const problem = failed?.of === text ? failed.problem : null;
  const reading = all && partial && problem === null;
  // The reader of the moment: BodyContent makes a new one each render, which must not restart a read.
  const load = useRef(loadWhole);
  useEffect(() => {
    load.current = loadWhole;
  });
  useEffect(() => {
    const read = load.current;
    if (!reading || !read) return;
    let current = true;
    void read().then((result) => {
      if (!current) return;
      if (result.ok) setWhole({ of: text, value: result.value });
      else setFailed({ of: text, problem: failureLine(result.error) });
    });
    return () => {
      current = false;
    };
  }, [reading, text]);
  const showAll = (event: MouseEvent<HTMLButtonElement>) => {
    if (expandKey !== undefined) rememberExpanded(expandKey);
    // The rest takes its place below where the reader is; one following the answer as it is
    // written stays at its end (MessageList).
    if (!live) event.currentTarget.dispatchEvent(new CustomEvent(HOLD_POSITION, { bubbles: true }));
    setFailed(null);
    setAll(true);
  };
  return (
    <>
      {deferred ? (
        <LazyPart part={first} index={0} renderPart={renderPart} />
      ) : (
        <div className="msg-part">{renderPart(first, 0)}</div>
      )}
      {all && !partial
        ? parts.map((part, index) =>
            index === 0 ? null : <LazyPart key={index} part={part} index={index} renderPart={renderPart} />,
          )
        : null}
      {more ? (
        <div className="msg-more" role="status">
          <span>
            {reading
              ? `Reading ${sizeLabel(length)}…`
              : problem === null
                ? `Showing the first ${sizeLabel(first.length)} of ${sizeLabel(length)}`
                : `Could not read the rest: ${problem}`}
          </span>
          <button type="button" className="btn" disabled={reading} onClick={showAll}>
            Show all
          </button>
        </div>
      ) : null}
    </>
  );
}
