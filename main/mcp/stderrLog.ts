/**
 * A server's stderr, bounded: the newest lines only, each cut to a length, with secret values
 * masked before anything is kept (a server that prints its environment must not leak it to the UI).
 */
export class StderrLog {
  private lines: string[] = [];
  private partial = '';
  dropped = 0;

  constructor(
    private readonly mask: (text: string) => string,
    private readonly maxLines = 500,
    private readonly maxLineChars = 2_000,
  ) {}

  append(chunk: string): void {
    // A flood without newlines must not grow `partial` without bound either.
    const text = this.partial + chunk;
    const parts = text.split(/\r?\n/);
    this.partial = parts.pop() ?? '';
    if (this.partial.length > this.maxLineChars * 4) {
      parts.push(this.partial);
      this.partial = '';
    }
    for (const line of parts) this.push(line);
  }

  private push(line: string): void {
    const cut =
      line.length > this.maxLineChars
        ? `${line.slice(0, this.maxLineChars)} … (${line.length} characters)`
        : line;
    this.lines.push(this.mask(cut));
    if (this.lines.length > this.maxLines) {
      const excess = this.lines.length - this.maxLines;
      this.lines.splice(0, excess);
      this.dropped += excess;
    }
  }

  snapshot(): { lines: string[]; dropped: number } {
    const tail = this.partial === '' ? [] : [this.mask(this.partial.slice(0, this.maxLineChars))];
    const lines = [...this.lines, ...tail];
    const over = Math.max(0, lines.length - this.maxLines);
    return { lines: lines.slice(over), dropped: this.dropped + over };
  }

  last(): string | null {
    const all = this.snapshot().lines;
    for (let i = all.length - 1; i >= 0; i -= 1) if ((all[i] ?? '').trim() !== '') return all[i] ?? null;
    return null;
  }
}

/** Replaces each secret value (4+ characters, so a one-letter value cannot mask the whole log) with ••••. */
export function masker(secrets: readonly string[]): (text: string) => string {
  const values = secrets.filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
  if (values.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const value of values) out = out.split(value).join('••••');
    return out;
  };
}
