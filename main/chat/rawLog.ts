import { createParser } from 'eventsource-parser';
import type { RawEvent } from './ports';

type Entry = { at: number; bytes: Uint8Array } | { at: number; text: string } | null;

const LF = 10;
const CR = 13;

/**
 * Server-sent events as they arrived, for the inspector, numbered across attempts. While a
 * stream runs it only keeps references to the received byte chunks (no copy, no per-event
 * objects); `take()` splits them into events when a batch is stored, off the hot path.
 */
export class RawEventLog {
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

  /** Bytes of an event stream as one network read delivered them. */
  addBytes(at: number, bytes: Uint8Array): void {
    this.queue.push({ at, bytes });
  }

  /** A whole body (an error page, a non-streaming answer) as one event. */
  add(at: number, text: string): void {
    this.queue.push({ at, text });
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
