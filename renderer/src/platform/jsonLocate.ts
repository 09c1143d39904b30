/** Where a value sits in JSON text, so a path from a validator can be underlined in the editor. */
export interface TextRange {
  from: number;
  to: number;
}

interface Node extends TextRange {
  /** For an object member: the range of its key, which reads better underlined than a whole subtree. */
  keyRange?: TextRange;
  members?: Map<string, Node>;
  items?: Node[];
}

class Scanner {
  pos = 0;
  constructor(readonly text: string) {}

  ws(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] ?? '')) this.pos++;
  }

  fail(): never {
    throw new Error(`unexpected input at ${this.pos}`);
  }

  string(): string {
    const start = this.pos;
    if (this.text[this.pos] !== '"') this.fail();
    this.pos++;
    while (this.pos < this.text.length && this.text[this.pos] !== '"') {
      this.pos += this.text[this.pos] === '\\' ? 2 : 1;
    }
    if (this.pos >= this.text.length) this.fail();
    this.pos++;
    return JSON.parse(this.text.slice(start, this.pos)) as string;
  }

  value(): Node {
    this.ws();
    const from = this.pos;
    const c = this.text[this.pos];
    if (c === '{') return this.object(from);
    if (c === '[') return this.array(from);
    if (c === '"') {
      this.string();
      return { from, to: this.pos };
    }
    const literal = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(this.text.slice(this.pos));
    if (!literal) this.fail();
    this.pos += literal[0].length;
    return { from, to: this.pos };
  }

  object(from: number): Node {
    this.pos++;
    const members = new Map<string, Node>();
    this.ws();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return { from, to: this.pos, members };
    }
    for (;;) {
      this.ws();
      const keyFrom = this.pos;
      const key = this.string();
      const keyRange = { from: keyFrom, to: this.pos };
      this.ws();
      if (this.text[this.pos] !== ':') this.fail();
      this.pos++;
      const child = this.value();
      members.set(key, { ...child, keyRange });
      this.ws();
      const next = this.text[this.pos++];
      if (next === '}') return { from, to: this.pos, members };
      if (next !== ',') this.fail();
    }
  }

  array(from: number): Node {
    this.pos++;
    const items: Node[] = [];
    this.ws();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return { from, to: this.pos, items };
    }
    for (;;) {
      items.push(this.value());
      this.ws();
      const next = this.text[this.pos++];
      if (next === ']') return { from, to: this.pos, items };
      if (next !== ',') this.fail();
    }
  }
}

/** Where a JSON text stops being valid (a best guess for the engine's unnamed failures). */
export function syntaxErrorOffset(text: string): number | null {
  const scanner = new Scanner(text);
  try {
    scanner.value();
    scanner.ws();
    return scanner.pos < text.length ? scanner.pos : null;
  } catch {
    return Math.min(scanner.pos, text.length);
  }
}

/**
 * Splits the path notations validators use: JSON pointer (`/a/0`, `#/a/0`), dotted
 * (`a.b[0]`, `$.a["b c"]`) and Ajv's instance paths. The root is an empty list.
 */
export function pathSegments(path: string): string[] {
  if (path.startsWith('/') || path.startsWith('#/')) {
    // Pointer segments are exact: a key may be a space, so nothing is trimmed.
    return path
      .replace(/^#/, '')
      .slice(1)
      .split('/')
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  }
  const trimmed = path.trim();
  if (trimmed === '' || trimmed === '$' || trimmed === '#' || trimmed === '(root)') return [];
  const segments: string[] = [];
  const pattern = /\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\.?([^.[\]]+)/g;
  const body = trimmed.replace(/^\$/, '');
  for (const match of body.matchAll(pattern)) {
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(JSON.parse(match[2]) as string);
    else if (match[3] !== undefined) segments.push(match[3]);
  }
  return segments;
}

/**
 * The range of the deepest value along `path` that exists in `text` (the key when it is an object
 * member), or null when the text is not JSON. A path that goes past what exists stops at the last
 * value found, so the underline still lands near the problem.
 */
export function locateJsonPath(text: string, path: string): TextRange | null {
  let root: Node;
  try {
    const scanner = new Scanner(text);
    root = scanner.value();
  } catch {
    return null;
  }
  let node = root;
  for (const segment of pathSegments(path)) {
    const next =
      node.members?.get(segment) ?? (/^\d+$/.test(segment) ? node.items?.[Number(segment)] : undefined);
    if (!next) break;
    node = next;
  }
  const range = node.keyRange ?? node;
  return { from: range.from, to: range.to };
}
