import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { EventMatch, RawEvent } from './rawEvents';
import { highlightSegments, relativeMs } from './rawEvents';

interface RawEventsListProps {
  matches: readonly EventMatch[];
  first: RawEvent | undefined;
  queryLength: number;
}

/** Only the rows in view are in the DOM, so a stream of tens of thousands of frames scrolls smoothly. */
export function RawEventsList({ matches, first, queryLength }: RawEventsListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer hands out fresh measurements from the same object; the React Compiler cannot
  // memoize around that, so this component stays uncompiled on purpose.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: matches.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 40,
    overscan: 12,
  });

  return (
    <div
      ref={scroller}
      className="inspector-events scroll"
      tabIndex={0}
      role="list"
      aria-label="Raw stream events"
      data-testid="raw-events"
    >
      <div className="inspector-events-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const match = matches[item.index];
          if (!match) return null;
          return (
            <div
              key={match.event.seq}
              role="listitem"
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="inspector-event"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <span className="inspector-event-meta num">
                #{match.event.seq}{' '}
                <span className="inspector-event-time">+{relativeMs(match.event, first)} ms</span>
              </span>
              <span className="inspector-event-data mono">
                {highlightSegments(match.event.data, match.hits, queryLength).map((s, i) =>
                  s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>,
                )}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
