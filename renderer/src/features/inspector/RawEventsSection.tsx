import { useDeferredValue, useMemo, useState } from 'react';
import type { Message } from '../../../../main/contract/chat';
import { InspectorSection } from './InspectorSection';
import { RawEventsList } from './RawEventsList';
import { filterEvents } from './rawEvents';
import { useRawEvents } from './useRawEvents';

/** The stream as it arrived: every frame, searchable, virtualized for long answers. */
export function RawEventsSection({ message }: { message: Message }) {
  const { events, total, loading, error, reload } = useRawEvents(message.id, message.status);
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const matches = useMemo(() => filterEvents(events, deferred), [events, deferred]);

  return (
    <InspectorSection
      title="Raw stream events"
      actions={
        <button
          type="button"
          className="btn btn-ghost inspector-mini-btn"
          onClick={reload}
          disabled={loading}
        >
          {loading ? 'Loading…' : 'Refresh'}
        </button>
      }
    >
      <div className="inspector-search">
        <input
          type="search"
          className="input mono"
          placeholder="Search frames, e.g. tool_calls or [DONE]"
          aria-label="Search raw stream events"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <span className="field-hint num" aria-live="polite">
          {deferred.trim() === ''
            ? `${total.toLocaleString()} events`
            : `${matches.length.toLocaleString()} of ${total.toLocaleString()}`}
          {events.length < total ? ` (first ${events.length.toLocaleString()} loaded)` : ''}
        </span>
      </div>
      {error ? (
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      ) : total === 0 && !loading ? (
        <p className="field-hint">No stream events were recorded for this answer.</p>
      ) : (
        <RawEventsList matches={matches} first={events[0]} queryLength={deferred.trim().length} />
      )}
    </InspectorSection>
  );
}
