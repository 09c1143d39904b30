import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();

/** Repository paths written as code (`main/chat/retry.ts`) in a markdown file. */
function pathsIn(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const paths = [...text.matchAll(/`((?:main|renderer|test|scripts)\/[\w./-]+)`/gu)].map(
    (m) => m[1] as string,
  );
  return [...new Set(paths)];
}

describe.each(['ARCHITECTURE.md', 'main/contract/README.md'])('%s', (file) => {
  it('names only files and folders that exist', () => {
    const paths = pathsIn(file);
    expect(paths.length).toBeGreaterThan(5);
    expect(paths.filter((p) => !existsSync(join(root, p)))).toEqual([]);
  });
});
