import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useStore } from '../../store';
import { listKeys } from '../../ui';
import { findMessage } from '../../store/conversation/messageIndex';
import { HOLD_POSITION } from './expanded';
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
    out[i] = (64 + lines * 21) * (row.choiceIds ? 1.6 : 1);
  });
  return out;
}

/** Where the list is scrolled to its end, by the guesses: the first render's offset. */
function endOffset(estimates: Float64Array, start: number, end: number, height: number): number {
  let total = start + end;
  for (const size of estimates) total += size;
  return Math.max(0, total - height);
}

/**
 * The active branch of a thread, virtualized: only the rows in view exist in the DOM, so a
 * 10,000-message thread opens as fast as a short one. The view stays pinned to the bottom while
 * an answer grows, unless the reader has scrolled up or pressed "Show all" on a finished answer.
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
  // After "Show all" the reader stays where they were, the rest taking its place below, rather
  // than being carried to the message's end as its parts are measured; until they move on.
  const [hold, setHold] = useState(false);
  useEffect(() => {
    const list = scrollRef.current;
    if (!list) return;
    const onHold = () => setHold(true);
    const release = () => setHold(false);
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
    anchorTo: 'end',
    followOnAppend: true,
    // Held, the list is never "at the end", so it neither follows a growing row nor an appended one.
    scrollEndThreshold: hold ? -1 : FOLLOW_END,
    paddingStart,
    paddingEnd: PADDING,
    // The first render already draws the thread's end, where it opens: without a size and an offset
    // the virtualizer drew the first rows, then (its element measured, scrolled to the end) mounted
    // the last ones in their place, each message's markdown and buttons built twice at start.
    initialRect: { width: 0, height: window.innerHeight },
    initialOffset: () => endOffset(estimates, paddingStart, PADDING, window.innerHeight),
  });

  // Long threads open with their newest messages; earlier ones load as the reader nears the top.
  const onScroll = useCallback(() => {
    const list = scrollRef.current;
    if (earlier && list && list.scrollTop < list.clientHeight * LOAD_EARLIER_SCREENS)
      void loadEarlier(threadId);
  }, [earlier, loadEarlier, threadId]);
  // A page may leave the reader still near the top (or a short window may not scroll at all).
  useEffect(onScroll, [onScroll, rows]);

  useLayoutEffect(() => {
    virtualizer.scrollToEnd();
  }, [virtualizer]);

  // Jump to a message asked for by search (or by editing the last message).
  useEffect(() => {
    if (!scrollTarget) return;
    const index = rows.findIndex(
      (r) => r.id === scrollTarget.messageId || r.choiceIds?.includes(scrollTarget.messageId),
    );
    if (index < 0) return;
    virtualizer.scrollToIndex(index, { align: 'center' });
    const rowId = rows[index]?.id ?? null;
    const done = window.setTimeout(() => {
      clearScrollTarget();
      if (scrollTarget.flash) setFlashId(rowId);
    }, 0);
    return () => window.clearTimeout(done);
  }, [scrollTarget, rows, virtualizer, clearScrollTarget]);

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
          virtualizer.scrollToIndex(next, { align: 'auto' });
          const focusNext = () =>
            scrollRef.current
              ?.querySelector<HTMLElement>(`[data-index="${next}"] [data-testid="message"]`)
              ?.focus();
          requestAnimationFrame(() => requestAnimationFrame(focusNext));
        },
      }),
    [rows.length, virtualizer],
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
      <div className="conv-rows" style={{ height: virtualizer.getTotalSize() }}>
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
                ref={virtualizer.measureElement}
                className="conv-row"
              >
                <MessageRow threadId={threadId} row={row} flash={row.id === flashId} />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
