/**
 * A minimal PDF writer for tests: pages of Helvetica text, a correct cross-reference table, and
 * the hostile variants the reader must refuse (password, page-count bomb, deep nesting, scans).
 */
export interface PdfOptions {
  /** Lines of text per page; an empty page list item draws a rectangle only (a "scan"). */
  pages: readonly (readonly string[])[];
  /** An /Encrypt dictionary whose user password is not empty: readers ask for a password. */
  encrypted?: boolean;
  /** Lists the first page this many times in /Kids (a page-count bomb: tiny file, huge document). */
  declaredCount?: number;
  /** Wraps the first page's resources in this many nested arrays (a nesting bomb). */
  nesting?: number;
  /** The first page's size in points (612 × 792 otherwise): a page 200,000 pt wide, or none at all. */
  firstPageSize?: readonly [number, number];
}

const escapeText = (text: string): string => text.replace(/[\\()]/g, (c) => `\\${c}`);

function pageStream(lines: readonly string[]): string {
  if (lines.length === 0) return '0.5 g 72 72 468 648 re f';
  const ops = ['BT', '/F1 11 Tf', '14 TL', '72 740 Td'];
  for (const line of lines) ops.push(`(${escapeText(line)}) Tj T*`);
  ops.push('ET');
  return ops.join('\n');
}

export function makePdf(options: PdfOptions): Uint8Array {
  const objects: string[] = [];
  const add = (body: string): number => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add('');
  const pagesRef = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const kids: number[] = [];
  options.pages.forEach((lines, index) => {
    const stream = pageStream(lines);
    const content = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    let resources = `<< /Font << /F1 ${font} 0 R >> >>`;
    if (index === 0 && options.nesting) {
      resources = `<< /Font << /F1 ${font} 0 R >> /Deep ${'['.repeat(options.nesting)}${']'.repeat(options.nesting)} >>`;
    }
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesRef} 0 R /MediaBox [0 0 ${(index === 0 && options.firstPageSize ? options.firstPageSize : [612, 792]).join(' ')}] /Contents ${content} 0 R /Resources ${resources} >>`,
      ),
    );
  });
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesRef} 0 R >>`;
  objects[pagesRef - 1] =
    `<< /Type /Pages /Kids [${(options.declaredCount ? Array<number>(options.declaredCount).fill(kids[0] ?? 0) : kids).map((k) => `${k} 0 R`).join(' ')}] /Count ${options.declaredCount ?? kids.length} >>`;
  const encrypt = options.encrypted
    ? add(`<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -4 >>`)
    : null;

  let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  const id = `<${'0123456789abcdef'.repeat(2)}>`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${encrypt ? ` /Encrypt ${encrypt} 0 R /ID [${id} ${id}]` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** `pages` pages of `lines` lines of plain prose each, numbered so a test can find them. */
export function textPages(pages: number, lines = 40): string[][] {
  return Array.from({ length: pages }, (_, p) =>
    Array.from(
      { length: lines },
      (_, l) => `Page ${p + 1} line ${l + 1}: the quick brown fox jumps over the lazy dog.`,
    ),
  );
}
