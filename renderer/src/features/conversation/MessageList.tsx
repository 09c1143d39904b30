import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useStore } from '../../store';
import { listKeys } from '../../ui';
import { findMessage } from '../../store/conversation/messageIndex';
import { HOLD_POSITION } from './expanded';
import { followEnd, type EndFollower } from './followEnd';
import { createFlight } from './flight';
import { MessageRow } from './MessageRow';
import type { PathRow } from '../../store/conversation/branches';

const NO_ROWS: PathRow[] = [];
const FLASH_MS = 2000;
/** Earlier messages load once the reader is within this many screens of the top. */
const LOAD_EARLIER_SCREENS = 2;
/** Room above the first row for the "loading earlier messages" line. */
const EARLIER_BAR = 44;
const PADDING = 16;
/** Within this distance of the end the list follows it as the last answer grows. */
const FOLLOW_END = 48;
/** Input that is the reader moving on: after it the list follows the end again when at it. */
const MOVES = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Guesses at row heights before they are measured (close guesses keep the scrollbar steady).
 * Computed once per list: the virtualizer asks for every unmeasured row on each measurement, so
 * the guess must be a lookup, not work per message.
 */
function estimateRows(threadId: string, rows: readonly PathRow[]): Float64Array {
  const messages = useStore.getState().details[threadId]?.messages;
  const out = new Float64Array(rows.length);
  rows.forEach((row, i) => {
    const content = findMessage(messages, row.id)?.content ?? '';
    let breaks = 0;
    for (let at = content.indexOf('\n'); at >= 0 && breaks < 400; at = content.indexOf('\n', at + 1))
      breaks++;
    const lines = Math.min(Math.ceil(content.length / 90) + breaks * 0.6, 400);
    // Whole pixels, as the virtualizer measures: a sketch (flight.ts) drawn at its row's guess then
    // measures the same, and the row is still unmeasured when drawn in full, so the virtualizer
    // keeps the rows in view in place as it grows or shrinks above them.
    out[i] = Math.round((64 + lines * 21) * (row.choiceIds ? 1.6 : 1));
  });
  return out;
}

/** Where the list is scrolled to its end, by the guesses: the first render's offset. */
function endOffset(estimates: Float64Array, start: number, end: number, height: number): number {
  let total = start + end;
  for (const size of estimates) total += size;
  return Math.max(0, total - height);
}

/** The id of the thread's last row while its answer (or one of its choices) is still being written. */
function useLiveRow(threadId: string, rows: readonly PathRow[]): string | null {
  const last = rows[rows.length - 1];
  return useStore((s) => {
    if (!last) return null;
    const messages = s.details[threadId]?.messages;
    const ids = last.choiceIds ?? [last.id];
    return ids.some((id) => findMessage(messages, id)?.status === 'streaming') ? last.id : null;
  });
}

/**
 * The active branch of a thread, virtualized: only the rows in view exist in the DOM, so a
 * 10,000-message thread opens as fast as a short one. The view stays pinned to the bottom while
 * an answer grows, unless the reader has scrolled up or pressed "Show all" on a finished answer.
 *
 * The answer being written is not measured by the virtualizer while it grows: it overflows its
 * guessed size at the end of the list, and the list follows it itself (followEnd.ts), a
 * ResizeObserver writing the scroll position once layout is done. Measured, each streamed frame
 * cost a render of the list and a forced layout (the virtualizer adjusting the scroll position
 * and reading the height back after the render it had just caused). It is measured once written.
 */
export function MessageList({ threadId }: { threadId: string }) {
  const rows = useStore((s) => s.views[threadId]?.rows ?? NO_ROWS);
  const earlier = useStore((s) => s.details[threadId]?.earlier ?? false);
  const loadEarlier = useStore((s) => s.loadEarlier);
  const scrollTarget = useStore((s) => (s.scrollTarget?.threadId === threadId ? s.scrollTarget : null));
  const clearScrollTarget = useStore((s) => s.clearScrollTarget);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [flashId, setFlashId] = useState<string | null>(null);
  const estimates = useMemo(() => estimateRows(threadId, rows), [threadId, rows]);
  // Stable identities: a new getItemKey makes the virtualizer recompute every row's position.
  const estimateSize = useCallback((index: number) => estimates[index] ?? 80, [estimates]);
  const getItemKey = useCallback((index: number) => rows[index]?.id ?? index, [rows]);
  const liveRow = useLiveRow(threadId, rows);
  const contentRef = useRef<HTMLDivElement>(null);
  const follower = useRef<EndFollower | null>(null);
  // One observer for what the list follows: its own size, its rows' box, and the answer being
  // written (observed from its ref, which is attached before the effects below run).
  const [resizes] = useState(() => new ResizeObserver(() => follower.current?.resized()));
  const live = useRef<HTMLDivElement | null>(null);
  const observeLive = useCallback(
    (element: HTMLDivElement | null) => {
      if (!element) return;
      live.current = element;
      resizes.observe(element);
      return () => {
        resizes.unobserve(element);
        if (live.current === element) live.current = null;
      };
    },
    [resizes],
  );
  // Opens at the end, and keeps it in view while following.
  useLayoutEffect(() => {
    const list = scrollRef.current;
    const content = contentRef.current;
    if (!list || !content) return;
    list.scrollTop = list.scrollHeight;
    follower.current = followEnd(list, FOLLOW_END, () => live.current?.offsetHeight ?? 0);
    resizes.observe(content);
    resizes.observe(list);
    return () => resizes.disconnect();
  }, [resizes]);
  // Whether the list is in flight, told each scroll before the virtualizer (whose listener is added
  // after this one) renders the rows it brings into view.
  const [flight] = useState(createFlight);
  useLayoutEffect(() => {
    const list = scrollRef.current;
    if (!list) return;
    const scrolled = () => flight.scrolled(list.scrollTop, list.clientHeight, performance.now());
    list.addEventListener('scroll', scrolled, { passive: true });
    return () => {
      list.removeEventListener('scroll', scrolled);
      flight.dispose();
    };
  }, [flight]);
  // A request of the reader's (a send, a regenerate, a continue) brings the list to its end, wherever
  // they had scrolled or jumped to: the answer they asked for is followed.
  const requested = useStore((s) => s.requested[threadId] ?? 0);
  const requestedAtMount = useRef(requested);
  useEffect(() => {
    if (requested !== requestedAtMount.current) follower.current?.follow();
  }, [requested]);
  // After "Show all" the reader stays where they were, the rest taking its place below, rather
  // than being carried to the message's end as its parts are measured; until they move on.
  useEffect(() => {
    const list = scrollRef.current;
    if (!list) return;
    const onHold = () => follower.current?.hold();
    const release = () => follower.current?.release();
    list.addEventListener(HOLD_POSITION, onHold);
    // Captured before the press that holds (a click follows its pointerdown and keydown).
    for (const type of MOVES) window.addEventListener(type, release, { capture: true, passive: true });
    return () => {
      list.removeEventListener(HOLD_POSITION, onHold);
      for (const type of MOVES) window.removeEventListener(type, release, { capture: true });
    };
  }, []);

  // False in the list's first render only, true from the render after it (deferred, after the paint).
  const settled = useDeferredValue(true, false);
  const paddingStart = earlier ? EARLIER_BAR : PADDING;

  // The virtualizer is a mutable instance by design; the list does not rely on compiler memoization.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    // Rows beyond the view follow the first paint: at start they were a third of the messages the
    // window's first render built before the message box could take typing.
    overscan: settled ? 4 : 0,
    // When rows come or go at either edge (earlier messages loaded above, a question sent below),
    // the row at the top of the view keeps its place.
    anchorTo: 'end',
    // The virtualizer never follows the end by itself (followEnd does): it is never "at the end".
    scrollEndThreshold: -1,
    paddingStart,
    paddingEnd: PADDING,
    // The first render already draws the thread's end, where it opens: without a size and an offset
    // the virtualizer drew the first rows, then (its element measured, scrolled to the end) mounted
    // the last ones in their place, each message's markdown and buttons built twice at start.
    initialRect: { width: 0, height: window.innerHeight },
    initialOffset: () => endOffset(estimates, paddingStart, PADDING, window.innerHeight),
  });

  // The virtualizer's own rule (a row above the view keeps what is in view in place as it is
  // measured), but never for the last row: its size changes below its top, and the answer being
  // written was already laid out whole, overflowing its guess, when it is first measured. Moving the
  // view by either would pull a reader inside it away from what they read; followEnd keeps the end.
  virtualizer.shouldAdjustScrollPositionOnItemSizeChange = (item, _delta, instance) => {
    if (item.index === rows.length - 1) return false;
    const offset = instance.scrollOffset ?? 0;
    return instance.itemSizeCache.has(item.key)
      ? item.end <= offset && instance.scrollDirection !== 'backward'
      : item.start < offset;
  };

  // Long threads open with their newest messages; earlier ones load as the reader nears the top.
  const loadIfNearTop = useCallback(() => {
    const list = scrollRef.current;
    if (earlier && list && list.scrollTop < list.clientHeight * LOAD_EARLIER_SCREENS)
      void loadEarlier(threadId);
  }, [earlier, loadEarlier, threadId]);
  // A page may leave the reader still near the top (or a short window may not scroll at all).
  useEffect(loadIfNearTop, [loadIfNearTop, rows]);
  const onScroll = useCallback(() => {
    follower.current?.scrolled();
    loadIfNearTop();
  }, [loadIfNearTop]);

  /** Scrolls row `index` into view: the list no longer follows the end (the scroll that follows decides again). */
  const scrollToRow = useCallback(
    (index: number, align: 'center' | 'auto') => {
      follower.current?.stop();
      virtualizer.scrollToIndex(index, { align });
    },
    [virtualizer],
  );

  // Jump to a message asked for by search (or by editing the last message).
  useEffect(() => {
    if (!scrollTarget) return;
    const index = rows.findIndex(
      (r) => r.id === scrollTarget.messageId || r.choiceIds?.includes(scrollTarget.messageId),
    );
    if (index < 0) return;
    scrollToRow(index, 'center');
    const rowId = rows[index]?.id ?? null;
    const done = window.setTimeout(() => {
      clearScrollTarget();
      if (scrollTarget.flash) setFlashId(rowId);
    }, 0);
    return () => window.clearTimeout(done);
  }, [scrollTarget, rows, scrollToRow, clearScrollTarget]);

  useEffect(() => {
    if (flashId === null) return;
    const hide = window.setTimeout(() => setFlashId(null), FLASH_MS);
    return () => window.clearTimeout(hide);
  }, [flashId]);

  /** ↑/↓ on a focused message moves to its neighbour (ui/listKeys), scrolling rows into existence as needed. */
  const onKeyDown = useMemo(
    () =>
      listKeys({
        count: rows.length,
        indexOf: (target) => {
          if (target.getAttribute('data-testid') !== 'message') return null;
          const index = Number(target.closest('[data-index]')?.getAttribute('data-index'));
          return Number.isInteger(index) ? index : null;
        },
        moveTo: (next) => {
          scrollToRow(next, 'auto');
          const focusNext = () =>
            scrollRef.current
              ?.querySelector<HTMLElement>(`[data-index="${next}"] [data-testid="message"]`)
              ?.focus();
          requestAnimationFrame(() => requestAnimationFrame(focusNext));
        },
      }),
    [rows.length, scrollToRow],
  );

  const items = virtualizer.getVirtualItems();
  return (
    <div
      ref={scrollRef}
      className="conv-scroll scroll"
      data-testid="message-list"
      role="region"
      aria-label="Messages"
      onKeyDown={onKeyDown}
      onScroll={onScroll}
    >
      {rows.length === 0 ? (
        <div className="empty-state">
          <h2>Ask anything</h2>
          <p>
            Type below and press Enter. Parameters, tools and the raw request are in the inspector on the
            right.
          </p>
        </div>
      ) : null}
      {/* Rows flow inside a window moved into place, not absolutely positioned one by one: when the
          total height changes as an answer grows, absolutely placed rows would all be laid out again. */}
      <div ref={contentRef} className="conv-rows" style={{ height: virtualizer.getTotalSize() }}>
        {earlier ? (
          <div className="conv-earlier" role="status">
            Loading earlier messages…
          </div>
        ) : null}
        {/* Whole pixels: the window is a layer of its own (conversation.css), and a layer placed at a
            fraction of a pixel shows its text blurred. */}
        <div
          className="conv-window"
          style={{ transform: `translateY(${Math.round(items[0]?.start ?? 0)}px)` }}
        >
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={row.id === liveRow ? observeLive : virtualizer.measureElement}
                className="conv-row"
              >
                <MessageRow
                  threadId={threadId}
                  row={row}
                  flash={row.id === flashId}
                  flight={row.id === liveRow ? null : flight}
                  height={item.size}
                />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
