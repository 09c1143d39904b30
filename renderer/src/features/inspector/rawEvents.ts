export interface RawEvent {
  seq: number;
  at: number;
  data: string;
}

export interface EventMatch {
  event: RawEvent;
  /** Offsets of the query in `event.data`, for highlighting. */
  hits: number[];
}

/** Case-insensitive substring filter over the raw frames; an empty query keeps everything. */
export function filterEvents(events: readonly RawEvent[], query: string): EventMatch[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return events.map((event) => ({ event, hits: [] }));
  const matches: EventMatch[] = [];
  for (const event of events) {
    const haystack = event.data.toLowerCase();
    const hits: number[] = [];
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length))
      hits.push(at);
    if (hits.length > 0) matches.push({ event, hits });
  }
  return matches;
}

export interface Segment {
  text: string;
  hit: boolean;
}

/** Splits a frame into plain and highlighted parts at the match offsets. */
export function highlightSegments(data: string, hits: readonly number[], length: number): Segment[] {
  if (hits.length === 0 || length === 0) return [{ text: data, hit: false }];
  const segments: Segment[] = [];
  let cursor = 0;
  for (const at of hits) {
    if (at > cursor) segments.push({ text: data.slice(cursor, at), hit: false });
    segments.push({ text: data.slice(at, at + length), hit: true });
    cursor = at + length;
  }
  if (cursor < data.length) segments.push({ text: data.slice(cursor), hit: false });
  return segments;
}

/** Milliseconds since the first frame, so the list reads as a timeline. */
export const relativeMs = (event: RawEvent, first: RawEvent | undefined): number =>
  first ? event.at - first.at : 0;
