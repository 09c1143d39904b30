import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { McpDefinition, McpDiff, McpDiffLine } from '../contract';
import { revealHidden } from './unicode';

/**
 * A tool's definition is pinned when the user first approves it: the hash covers its name,
 * description and input schema in canonical JSON (RFC 8785), so key order or whitespace changes
 * nothing but any change of meaning does.
 */
export function definitionHash(def: McpDefinition): string {
  const text =
    canonicalize({ name: def.name, description: def.description, inputSchema: def.inputSchema }) ?? '';
  return createHash('sha256').update(text).digest('hex');
}

/** The definition as lines a person can compare: hidden characters made visible, the schema with sorted keys. */
export function definitionLines(def: McpDefinition): string[] {
  const sorted = JSON.parse(canonicalize(def.inputSchema) ?? '{}') as unknown;
  return [
    `name: ${revealHidden(def.name)}`,
    'description:',
    ...revealHidden(def.description)
      .split('\n')
      .map((line) => `  ${line}`),
    'input schema:',
    ...JSON.stringify(sorted, null, 2)
      .split('\n')
      .map((line) => `  ${line}`),
  ];
}

/** Longest-common-subsequence line diff; definitions are short, so the quadratic table is fine (capped). */
export function diffLines(before: readonly string[], after: readonly string[]): McpDiffLine[] {
  const MAX = 2_000;
  if (before.length > MAX || after.length > MAX) {
    return [
      ...before.map((text) => ({ kind: 'removed' as const, text })),
      ...after.map((text) => ({ kind: 'added' as const, text })),
    ];
  }
  const n = before.length;
  const m = after.length;
  const table: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i -= 1) {
    const row = table[i] as number[];
    const next = table[i + 1] as number[];
    for (let j = m - 1; j >= 0; j -= 1) {
      row[j] =
        before[i] === after[j]
          ? (next[j + 1] as number) + 1
          : Math.max(next[j] as number, row[j + 1] as number);
    }
  }
  const lines: McpDiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      lines.push({ kind: 'same', text: before[i] as string });
      i += 1;
      j += 1;
    } else if ((table[i + 1]?.[j] ?? 0) >= (table[i]?.[j + 1] ?? 0)) {
      lines.push({ kind: 'removed', text: before[i] as string });
      i += 1;
    } else {
      lines.push({ kind: 'added', text: after[j] as string });
      j += 1;
    }
  }
  for (; i < n; i += 1) lines.push({ kind: 'removed', text: before[i] as string });
  for (; j < m; j += 1) lines.push({ kind: 'added', text: after[j] as string });
  return lines;
}

export function definitionDiff(before: McpDefinition | null, after: McpDefinition): McpDiff {
  return {
    before,
    after,
    lines: diffLines(before ? definitionLines(before) : [], definitionLines(after)),
  };
}
