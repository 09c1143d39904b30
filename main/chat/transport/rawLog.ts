import { createParser } from 'eventsource-parser';
import { formatBytes } from '../../providers/http';
import { DEFAULT_LIMITS } from './limits';
import type { RawEvent } from '../ports';

type Entry = { at: number; bytes: Uint8Array } | { at: number; text: string } | null;

const LF = 10;
const CR = 13;

/**
 * Server-sent events as they arrived, for the inspector, numbered across attempts. While a
 * stream runs it only keeps references to the received byte chunks (no copy, no per-event
 * objects); `take()` splits them into events when a batch is stored, off the hot path.
 * It keeps at most `maxBytes` per answer; one marker event says where it stopped keeping.
 */
export class RawEventLog {
  private kept = 0;
  private full = false;
  private seq = 0;
  private queue: Entry[] = [];
  private out: RawEvent[] = [];
  private at = 0;
  private last = 0;
  private decoder = new TextDecoder();
  private readonly parser = createParser({
    onEvent: (event) => {
      this.out.push({ seq: this.seq, at: this.at, data: event.data });
      this.seq += 1;
    },
  });

  constructor(private readonly maxBytes = DEFAULT_LIMITS.rawLogBytes) {}

  /** Bytes of an event stream as one network read delivered them. */
  addBytes(at: number, bytes: Uint8Array): void {
    if (this.full) return;
    if (this.kept + bytes.byteLength > this.maxBytes) return this.stopKeeping(at);
    this.kept += bytes.byteLength;
    this.queue.push({ at, bytes });
  }

  /** A whole body (an error page, a non-streaming answer) as one event. */
  add(at: number, text: string): void {
    if (this.full) return;
    // Characters, not bytes: close enough for a limit, and no encoding of a 64 MB body to count it.
    if (this.kept + text.length > this.maxBytes) {
      const room = this.maxBytes - this.kept;
      if (room > 0) this.queue.push({ at, text: text.slice(0, room) });
      return this.stopKeeping(at);
    }
    this.kept += text.length;
    this.queue.push({ at, text });
  }

  /** Everything after this point is left out; the marker is a stored event like any other. */
  private stopKeeping(at: number): void {
    this.full = true;
    this.queue.push({
      at,
      text: `[LLM Desk: the raw event log of this answer stops here; it reached its ${formatBytes(this.maxBytes)} limit and later events were not kept. The answer itself is unaffected.]`,
    });
  }

  /** The event stream ended: a next attempt starts a fresh one. */
  endStream(): void {
    this.queue.push(null);
  }

  get pending(): number {
    return this.queue.length;
  }

  take(): RawEvent[] {
    const queue = this.queue;
    this.queue = [];
    for (const entry of queue) {
      if (entry === null) this.flushStream();
      else if ('bytes' in entry) {
        this.at = entry.at;
        this.feed(this.decoder.decode(entry.bytes, { stream: true }));
      } else {
        this.flushStream();
        this.out.push({ seq: this.seq, at: entry.at, data: entry.text });
        this.seq += 1;
      }
    }
    const out = this.out;
    this.out = [];
    return out;
  }

  private feed(text: string): void {
    if (text.length === 0) return;
    this.parser.feed(text);
    this.last = text.charCodeAt(text.length - 1);
  }

  private flushStream(): void {
    this.feed(this.decoder.decode());
    if (this.last === LF || this.last === CR) this.parser.feed('\n');
    this.parser.reset();
    this.decoder = new TextDecoder();
    this.last = 0;
  }
}
