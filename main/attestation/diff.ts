/**
 * A line diff of two compose files (`-` pinned, `+` now, two lines of context), for the loud
 * warning when a pinned app's compose hash changes. LCS over lines: compose files are small.
 */
export function lineDiff(before: string, after: string, context = 2): string {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length * b.length > 4_000_000) return `- (${a.length} lines)\n+ (${b.length} lines)`;
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1)
    for (let j = b.length - 1; j >= 0; j -= 1)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const ops: { sign: ' ' | '-' | '+'; line: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ sign: ' ', line: a[i]! });
      i += 1;
      j += 1;
    } else if (j < b.length && (i >= a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      ops.push({ sign: '+', line: b[j]! });
      j += 1;
    } else {
      ops.push({ sign: '-', line: a[i]! });
      i += 1;
    }
  }
  const near = ops.map((_, k) =>
    ops.slice(Math.max(0, k - context), k + context + 1).some((o) => o.sign !== ' '),
  );
  const out: string[] = [];
  ops.forEach((op, k) => {
    if (near[k]) out.push(`${op.sign} ${op.line}`);
    else if (out[out.length - 1] !== '…') out.push('…');
  });
  return out.join('\n');
}
