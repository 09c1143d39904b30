import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channelNames, eventNames } from '../../main/contract';

const readme = readFileSync(join(process.cwd(), 'main/contract/README.md'), 'utf8');
/** Names written as code in a table row of the README: `| \`threads:get\` | …`. */
const documented = new Set(
  [...readme.matchAll(/^\|\s*`([a-z]+:[A-Za-z]+)`\s*\|/gmu)].map((m) => m[1] as string),
);

describe('main/contract/README.md', () => {
  it('documents every channel and push event of the contract', () => {
    const missing = [...channelNames, ...eventNames].filter((name) => !documented.has(name));
    expect(missing, 'add these to the tables in main/contract/README.md').toEqual([]);
  });

  it('documents nothing the contract no longer declares', () => {
    const declared = new Set<string>([...channelNames, ...eventNames]);
    expect([...documented].filter((name) => !declared.has(name))).toEqual([]);
  });
});
