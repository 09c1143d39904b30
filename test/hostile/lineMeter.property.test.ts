import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LINE_PROGRESS, LINE_TOO_LONG, LineMeter } from '../../main/chat/transport/lineMeter';

/** Per byte: is it part of a field line (not a comment, not a line ending), and is its line over `max`? */
function reference(bytes: Uint8Array, max: number): { field: boolean[]; over: boolean[] } {
  const field: boolean[] = [];
  const over: boolean[] = [];
  let line = 0;
  let comment = false;
  for (const b of bytes) {
    if (b === 10 || b === 13) {
      field.push(false);
      over.push(false);
      line = 0;
      continue;
    }
    if (line === 0) comment = b === 58;
    line += 1;
    field.push(!comment);
    over.push(line > max);
  }
  return { field, over };
}

const lineArb = fc.oneof(
  fc.string({ maxLength: 40 }).map((s) => `: ${s}`),
  fc.string({ maxLength: 40 }).map((s) => `data: ${s}`),
  fc.string({ minLength: 1, maxLength: 80 }).map((s) => `: ${s}`.repeat(2)),
  fc.constant(''),
  fc.constant('event: x'),
);
const endingArb = fc.constantFrom('\n', '\r\n', '\r');

describe('the line meter agrees with a byte-by-byte reading of the event stream', () => {
  it('for any lines, endings and chunk splits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(lineArb, endingArb), { maxLength: 30 }),
        fc.string({ maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.integer({ min: 1, max: 50 }),
        (lines, tail, cuts, max) => {
          const bytes = new TextEncoder().encode(lines.map(([l, e]) => l + e).join('') + tail);
          const { field, over } = reference(bytes, max);
          const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const meter = new LineMeter(max);
          let start = 0;
          for (const end of [...points, bytes.length]) {
            if (end < start) continue;
            const flags = meter.measure(bytes.subarray(start, end));
            const progress = field.slice(start, end).some(Boolean);
            const firstOver = over.slice(start, end).indexOf(true);
            expect(Boolean(flags & LINE_PROGRESS)).toBe(progress);
            expect(Boolean(flags & LINE_TOO_LONG)).toBe(firstOver !== -1);
            if (firstOver !== -1) {
              // Everything before the cut is whole lines or the start of the overlong one.
              expect(meter.cutOffset).toBeLessThanOrEqual(firstOver);
              return;
            }
            start = end;
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
